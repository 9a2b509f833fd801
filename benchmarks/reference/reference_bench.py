#!/usr/bin/env python3
"""The Python reference peer of benchmarks/ (issue 6): the same models' training step, inference
and epoch in eager PyTorch (DataLoader over a TensorDataset, as the source reports' loops), and
k-means / PCA with scikit-learn, timed like Google Benchmark (mean over iterations after one
warm-up, at least --min-time seconds), same threads. Writes the CSV columns of
lib/results/bench_csv.h with implementation=python. Exits 3 with a reason when torch (or sklearn,
for the analyses) is missing.

  reference_bench.py --profile short --csv results/bench/python.csv
"""
import argparse
import gzip
import hashlib
import math
import os
import re
import subprocess
import sys
import time

HEADER = ("benchmark,model,kind,device,implementation,batch_size,milliseconds,images_per_second,"
          "gflop_per_second,percent_of_peak,threads,torch_version,git_revision")

# As bench_profile.cpp: epoch batches (0: the source's epoch), k-means and PCA sizes, peak side.
PROFILES = {
    "smoke": dict(epoch_batches=2, kmeans_codes=4800, kmeans_codes_n_init=2, kmeans_pixels=1000,
                  kmeans_pixels_n_init=1, pca_images=2000, peak_side=512, min_time=0.01),
    "short": dict(epoch_batches=4, kmeans_codes=48000, kmeans_codes_n_init=10, kmeans_pixels=6000,
                  kmeans_pixels_n_init=1, pca_images=10000, peak_side=2048, min_time=0.1),
    "full": dict(epoch_batches=0, kmeans_codes=48000, kmeans_codes_n_init=10, kmeans_pixels=48000,
                 kmeans_pixels_n_init=10, pca_images=60000, peak_side=2048, min_time=1.0),
}


CPU_SECONDS = {}  # the last timed() call's process CPU seconds per call (printed, not in the CSV)


def timed(fn, min_time, single=False):
    """Seconds per call: one warm-up call (unless single), then calls until min_time has passed."""
    if not single:
        fn()
    n, start, cpu_start = 0, time.perf_counter(), time.process_time()
    while True:
        fn()
        n += 1
        elapsed = time.perf_counter() - start
        if single or elapsed >= min_time:
            CPU_SECONDS["last"] = (time.process_time() - cpu_start) / n
            return elapsed / n


def fmt(x):
    return "nan" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.6g}"


def git_revision():
    try:
        here = os.path.dirname(os.path.abspath(__file__))
        return subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=here, check=True,
                              capture_output=True, text=True).stdout.strip()
    except Exception:
        return "unknown"


def read_idx_images(path, n):
    """The first n images of an IDX file (optionally .gz) as float32 (n, 784) in [0,1]; the
    whole file is read and hashed (SHA-256), as the C++ loader verifies its checksum."""
    import numpy as np
    raw = open(path, "rb").read()
    hashlib.sha256(raw).hexdigest()
    if path.endswith(".gz"):
        raw = gzip.decompress(raw)
    count = int.from_bytes(raw[4:8], "big")
    pixels = np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(count, 784)
    return pixels[:n].astype(np.float32) / 255.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--profile", default="short", choices=sorted(PROFILES))
    ap.add_argument("--csv", required=True)
    ap.add_argument("--threads", type=int, default=int(os.environ.get("AEREPRO_THREADS", os.cpu_count())))
    ap.add_argument("--filter", default="", help="regular expression a benchmark name must match (re.search)")
    ap.add_argument("--data-dir", default=os.environ.get("AEREPRO_DATA_DIR", os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "datasets")))
    args = ap.parse_args()
    try:
        import torch
    except ImportError as e:
        print(f"reference: skipped: python3 cannot import torch ({e}); install Debian's python3-torch", file=sys.stderr)
        return 3
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import models

    p = PROFILES[args.profile]
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    rev = git_revision()
    rows = []

    def add(name, model, kind, batch, seconds, images=None, flops=None):
        ms = seconds * 1e3
        ips = images / seconds if images else None
        gflops = flops / seconds * 1e-9 if flops else None
        pct = gflops / peak * 100 if gflops else None
        rows.append(",".join([name, model, kind, "cpu", "python", fmt(batch), fmt(ms), fmt(ips), fmt(gflops),
                              fmt(pct), str(torch.get_num_threads()), torch.__version__, rev]))
        print(f"{name:<42} {ms:10.3f} ms  {fmt(ips):>10} img/s  {fmt(gflops):>8} GFLOP/s  {fmt(pct):>6} %peak"
              f"  (cpu {CPU_SECONDS.get('last', math.nan) * 1e3:.3f} ms)", flush=True)

    def wanted(name):
        return re.search(args.filter, name) is not None

    # The SGEMM peak, as sgemm_peak.cpp: best of 5 products after a warm-up.
    n = p["peak_side"]
    a, b = torch.randn(n, n), torch.randn(n, n)
    torch.mm(a, b)
    best = min(timed(lambda: torch.mm(a, b), 0, single=True) for _ in range(5))
    peak = 2.0 * n ** 3 / best * 1e-9
    print(f"reference: torch {torch.__version__}, {torch.get_num_threads()} threads, "
          f"cpu SGEMM peak {peak:.1f} GFLOP/s (best of 5 {n}^3 products, measured now)")
    add(f"sgemm/{n}/cpu", f"sgemm_{n}", "sgemm", None, best, flops=2.0 * n ** 3)

    from torch.utils.data import DataLoader, TensorDataset
    for name, batch, source_images, labels, build, loss_fn in models.MODEL_CASES:
        torch.manual_seed(0)
        model = build()
        forward = models.forward_flops_per_image(model)
        x = torch.rand(batch, 1, 28, 28)
        y = torch.randint(10, (batch,)) if labels else x
        optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

        def step(x=x, y=y, model=model, optimizer=optimizer, loss_fn=loss_fn):
            optimizer.zero_grad()
            loss_fn(model, x, y).backward()
            optimizer.step()

        if wanted(f"train_step/{name}/cpu"):
            model.train()
            add(f"train_step/{name}/cpu", name, "train_step", batch, timed(step, p["min_time"]), batch, 3 * forward * batch)
        if wanted(f"inference/{name}/cpu"):
            model.eval()
            with torch.no_grad():
                add(f"inference/{name}/cpu", name, "inference", batch,
                    timed(lambda: model(x), p["min_time"]), batch, forward * batch)
        if wanted(f"epoch/{name}/cpu"):
            images = p["epoch_batches"] * batch if p["epoch_batches"] else source_images
            data_x = torch.rand(images, 1, 28, 28)
            data_y = torch.randint(10, (images,)) if labels else data_x
            loader = DataLoader(TensorDataset(data_x, data_y), batch_size=batch, shuffle=True)

            def epoch(model=model, optimizer=optimizer, loss_fn=loss_fn, loader=loader):
                model.train()
                total = 0.0
                for bx, by in loader:
                    optimizer.zero_grad()
                    loss = loss_fn(model, bx, by)
                    loss.backward()
                    optimizer.step()
                    total += loss.item() * bx.shape[0]  # the sources' loops log the epoch loss
                return total

            add(f"epoch/{name}/cpu", name, "epoch", batch, timed(epoch, p["min_time"], single=True), images, 3 * forward * images)

    try:
        import numpy as np
        from sklearn.cluster import KMeans
        from sklearn.decomposition import PCA
        from threadpoolctl import threadpool_limits
    except ImportError as e:
        print(f"reference: k-means/PCA skipped: {e} (install Debian's python3-sklearn)", file=sys.stderr)
    else:
        with threadpool_limits(limits=args.threads):
            # 10 Gaussian blobs in 4-d, as analysis_benchmarks.cpp (same distribution, numpy's RNG).
            rng = np.random.default_rng(0)
            m = p["kmeans_codes"]
            codes = (rng.standard_normal((10, 4)) * 3.0)[np.arange(m) % 10] + rng.standard_normal((m, 4))
            codes = codes.astype(np.float32)
            km = lambda data, n_init: KMeans(10, n_init=n_init, max_iter=300, tol=1e-4, random_state=0, algorithm="lloyd").fit(data)
            if wanted("kmeans/codes/cpu"):
                add("kmeans/codes/cpu", "kmeans_codes", "kmeans", None,
                    timed(lambda: km(codes, p["kmeans_codes_n_init"]), 0, single=True), m)
            images_file = os.path.join(args.data_dir, "mnist", "train-images-idx3-ubyte")
            if not os.path.exists(images_file):
                print(f"reference: MNIST benchmarks skipped: {images_file} is missing (run ./datasets/fetch)", file=sys.stderr)
            else:
                pixels = read_idx_images(images_file, 60000)
                if wanted("kmeans/pixels/cpu"):
                    k = p["kmeans_pixels"]
                    add("kmeans/pixels/cpu", "kmeans_pixels", "kmeans", None,
                        timed(lambda: km(pixels[:k], p["kmeans_pixels_n_init"]), 0, single=True), k)
                k = p["pca_images"]
                if wanted("pca/sklearn_full_svd/cpu"):
                    add("pca/sklearn_full_svd/cpu", "pca30_mnist", "pca", None,
                        timed(lambda: PCA(30, svd_solver="full").fit(pixels[:k].astype(np.float64)), 0, single=True), k)
                if wanted("pca/numpy_eigh/cpu"):
                    def eigh_pca(x=pixels[:k].astype(np.float64)):
                        c = x - x.mean(0)
                        return np.linalg.eigh(c.T @ c / (len(x) - 1))[1][:, -30:]
                    add("pca/numpy_eigh/cpu", "pca30_mnist", "pca", None, timed(eigh_pca, 0, single=True), k,
                        2.0 * k * 784 * 784)
                if wanted("load/mnist_train/cpu"):
                    add("load/mnist_train/cpu", "mnist_train", "load", None,
                        timed(lambda: torch.from_numpy(read_idx_images(images_file, 60000)), p["min_time"]), 60000)

    os.makedirs(os.path.dirname(os.path.abspath(args.csv)), exist_ok=True)
    tmp = args.csv + ".tmp"
    with open(tmp, "w") as f:
        f.write(HEADER + "\n" + "\n".join(rows) + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, args.csv)  # complete or absent, as write_text_atomically
    print(f"reference: wrote {len(rows)} rows to {args.csv}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
