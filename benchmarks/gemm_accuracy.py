#!/usr/bin/env python3
"""Float32 GEMM accuracy of the BLAS kernels in force (benchmarks/NOTES.md, "OpenBLAS's kernels").

Multiplies 400 random shapes (sides 1 ... 1156, every transposition, and batched) in float32 and
compares them with float64; prints the largest error scaled by sqrt(k) and exits 1 above 1e-4.
Run it once per kernel set, e.g.  OPENBLAS_CORETYPE=SkylakeX /usr/bin/python3 benchmarks/gemm_accuracy.py
(needs Debian's python3-torch, the same LibTorch build as the C++ code).
"""
import itertools
import random
import sys

import torch

torch.manual_seed(0)
random.seed(0)
torch.set_num_threads(2)
sides = [1, 2, 3, 7, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257, 511, 784, 1156]
worst = 0.0
for _ in range(400):
    m, k, n = (random.choice(sides) for _ in range(3))
    for ta, tb in itertools.product((False, True), repeat=2):
        a = torch.randn(k, m).t() if ta else torch.randn(m, k)
        b = torch.randn(n, k).t() if tb else torch.randn(k, n)
        worst = max(worst, ((a @ b).double() - a.double() @ b.double()).abs().max().item() / k ** 0.5)
    x, y = torch.randn(3, m, k), torch.randn(3, k, n)
    worst = max(worst, (torch.bmm(x, y).double() - torch.bmm(x.double(), y.double())).abs().max().item() / k ** 0.5)
print(f"largest float32 GEMM error / sqrt(k): {worst:.3g}")
sys.exit(0 if worst < 1e-4 else 1)
