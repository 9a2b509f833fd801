"""The models of lib/models in eager PyTorch, as the source reports wrote them (SOURCES.md items).

Each entry of MODEL_CASES mirrors benchmarks/model_cases.cpp: name, batch size, source epoch
images, whether the targets are labels, and a builder returning (module, loss(module, x, y)).
"""
import torch
from torch import nn
import torch.nn.functional as F


class ConvDae(nn.Module):  # S0.3/S0.4
    def __init__(self, d=4):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(1, 8, 3, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(8, 16, 3, stride=2, padding=1), nn.BatchNorm2d(16), nn.ReLU(),
            nn.Conv2d(16, 32, 3, stride=2, padding=0), nn.ReLU(),
            nn.Flatten(), nn.Linear(288, 128), nn.ReLU(), nn.Linear(128, d))
        self.decoder = nn.Sequential(
            nn.Linear(d, 128), nn.ReLU(), nn.Linear(128, 288), nn.ReLU(),
            nn.Unflatten(1, (32, 3, 3)),
            nn.ConvTranspose2d(32, 16, 3, stride=2, output_padding=0), nn.BatchNorm2d(16), nn.ReLU(),
            nn.ConvTranspose2d(16, 8, 3, stride=2, padding=1, output_padding=1), nn.BatchNorm2d(8), nn.ReLU(),
            nn.ConvTranspose2d(8, 1, 3, stride=2, padding=1, output_padding=1))

    def forward(self, x):
        return torch.sigmoid(self.decoder(self.encoder(x)))


def mlp(widths, last_activation):
    """Linear layers through `widths`, ReLU between them, `last_activation` (or None) at the end."""
    layers = []
    for i, (a, b) in enumerate(zip(widths, widths[1:])):
        layers.append(nn.Linear(a, b))
        last = i == len(widths) - 2
        if not last:
            layers.append(nn.ReLU())
        elif last_activation is not None:
            layers.append(last_activation)
    return nn.Sequential(*layers)


class FlatAe(nn.Module):
    """Flatten, encoder, decoder, back to (N,1,28,28); `hidden` is what the sparse loss uses."""
    def __init__(self, encoder, decoder):
        super().__init__()
        self.encoder, self.decoder = encoder, decoder

    def forward(self, x):
        self.hidden = self.encoder(x.flatten(1))
        return self.decoder(self.hidden).view(-1, 1, 28, 28)


def deep_ae():  # S2.2: ReLU after every layer, code and output included
    return FlatAe(mlp([784, 512, 256, 128, 30], nn.ReLU()), mlp([30, 128, 256, 784], nn.ReLU()))


def shallow_ae(x):  # S2.3/S2.6/S2.7
    return FlatAe(mlp([784, x], nn.ReLU()), mlp([x, 784], nn.ReLU()))


def bottleneck_ae():  # S2.8
    return FlatAe(mlp([784, 64, 8], nn.ReLU()), mlp([8, 64, 784], nn.ReLU()))


class ConvAe(nn.Module):  # S2.9 (a) unpool_conv, (b) deconv, (c) unpool_deconv
    def __init__(self, decoder):
        super().__init__()
        self.kind = decoder
        self.c1, self.c2, self.c3 = nn.Conv2d(1, 8, 3, padding=1), nn.Conv2d(8, 16, 3, padding=1), nn.Conv2d(16, 16, 3, padding=1)
        if decoder == "deconv":
            self.d1 = nn.ConvTranspose2d(16, 16, 3, stride=2)
            self.d2 = nn.ConvTranspose2d(16, 8, 4, stride=2, padding=1)
            self.d3 = nn.ConvTranspose2d(8, 1, 4, stride=2, padding=1)
        elif decoder == "unpool_conv":
            self.d1, self.d2 = nn.Conv2d(16, 8, 3, padding=1), nn.Conv2d(8, 1, 3, padding=1)
        else:  # (c): three stride-1 transposed convolutions (SOURCES.md S2.9, revised 2026-12-01)
            self.d0 = nn.ConvTranspose2d(16, 16, 3, padding=1)
            self.d1, self.d2 = nn.ConvTranspose2d(16, 8, 3, padding=1), nn.ConvTranspose2d(8, 1, 3, padding=1)

    def forward(self, x):
        x, i1 = F.max_pool2d(F.relu(self.c1(x)), 2, return_indices=True)
        x, i2 = F.max_pool2d(F.relu(self.c2(x)), 2, return_indices=True)
        x, i3 = F.max_pool2d(F.relu(self.c3(x)), 2, return_indices=True)
        if self.kind == "deconv":
            return F.relu(self.d3(F.relu(self.d2(F.relu(self.d1(x))))))
        x = F.max_unpool2d(x, i3, 2, output_size=(7, 7))
        if self.kind == "unpool_deconv":
            x = F.relu(self.d0(x))
        x = F.max_unpool2d(x, i2, 2, output_size=(14, 14))
        x = F.relu(self.d1(x))
        x = F.max_unpool2d(x, i1, 2, output_size=(28, 28))
        return F.relu(self.d2(x))


def one_level_ae():  # S3.2: Dense(128, ReLU) -> Dense(784, sigmoid)
    return FlatAe(mlp([784, 128], nn.ReLU()), mlp([128, 784], nn.Sigmoid()))


def stacked_ae():  # S3.4-S3.6 as made: levels [512, 128]; design_AE's sigmoid on every level
    return FlatAe(nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 128), nn.ReLU()),
                  nn.Sequential(nn.Linear(128, 512), nn.Sigmoid(), nn.Linear(512, 784), nn.Sigmoid()))


def he_init(module):  # S4.2/S4.3: kaiming_normal_(fan_in, relu), zero biases
    for m in module.modules():
        if isinstance(m, (nn.Linear, nn.Conv2d)):
            nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
            nn.init.zeros_(m.bias)
    return module


def fashion_cnn():  # S4.2
    return he_init(nn.Sequential(
        nn.Conv2d(1, 10, 5, padding=1), nn.ReLU(), nn.Conv2d(10, 20, 5, padding=1), nn.ReLU(),
        nn.Conv2d(20, 40, 5, padding=1), nn.ReLU(), nn.Conv2d(40, 64, 5, padding=1), nn.ReLU(),
        nn.MaxPool2d(2), nn.Flatten(), nn.Linear(6400, 256), nn.ReLU(), nn.Linear(256, 10)))


def fashion_encoder():  # S4.3 encoder as made: ReLU on the 32-d code too
    return mlp([784, 392, 196, 98, 32], nn.ReLU())


def fashion_ae():  # S4.3
    return he_init(FlatAe(fashion_encoder(), mlp([32, 98, 196, 392, 784], nn.ReLU())))


def ae_classifier():  # S4.4
    return he_init(nn.Sequential(nn.Flatten(), fashion_encoder(), nn.Linear(32, 256), nn.ReLU(), nn.Linear(256, 10)))


def mse(model, x, y):
    return F.mse_loss(model(x), y)


def sparse_mse(lam):  # S2.6: MSE + lambda * ||h||_1 summed over the batch
    return lambda model, x, y: F.mse_loss(model(x), y) + lam * model.hidden.abs().sum()


def cross_entropy(model, x, y):
    return F.cross_entropy(model(x), y)


# name, batch, source epoch images, labels?, builder, loss — as benchmarks/model_cases.cpp
MODEL_CASES = [
    ("s0_conv_dae", 256, 48000, False, ConvDae, mse),
    ("s2_deep_ae", 256, 60000, False, deep_ae, mse),
    ("s2_shallow_ae_64", 256, 60000, False, lambda: shallow_ae(64), mse),
    ("s2_shallow_ae_128", 256, 60000, False, lambda: shallow_ae(128), mse),
    ("s2_shallow_ae_256", 256, 60000, False, lambda: shallow_ae(256), mse),
    ("s2_sparse_ae_1156", 256, 60000, False, lambda: shallow_ae(1156), sparse_mse(4e-6)),
    ("s2_bottleneck_ae", 256, 60000, False, bottleneck_ae, mse),
    ("s2_conv_ae_unpool", 256, 60000, False, lambda: ConvAe("unpool_conv"), mse),
    ("s2_conv_ae_deconv", 256, 60000, False, lambda: ConvAe("deconv"), mse),
    ("s2_conv_ae_unpool_deconv", 256, 60000, False, lambda: ConvAe("unpool_deconv"), mse),
    ("s3_one_level_ae", 32, 50000, False, one_level_ae, mse),
    ("s3_stacked_ae", 32, 50000, False, stacked_ae, mse),
    ("s4_cnn", 100, 120000, True, fashion_cnn, cross_entropy),
    ("s4_ae", 100, 120000, False, fashion_ae, mse),
    ("s4_ae_classifier", 100, 120000, True, ae_classifier, cross_entropy),
]


def forward_flops_per_image(model):
    """Analytic forward FLOPs per image of the conv and linear layers (as flop_count.h), from
    the shapes a one-image forward pass sees: 2 per multiply-add, plus one per bias output."""
    total = [0.0]

    def hook(module, inputs, output):
        w = module.weight
        bias = output[0].numel() if module.bias is not None else 0
        if isinstance(module, nn.Linear):
            total[0] += 2.0 * w.numel() + bias
        elif isinstance(module, nn.Conv2d):
            total[0] += 2.0 * w.numel() * output.shape[2] * output.shape[3] + bias
        elif isinstance(module, nn.ConvTranspose2d):
            total[0] += 2.0 * w.numel() * inputs[0].shape[2] * inputs[0].shape[3] + bias

    handles = [m.register_forward_hook(hook) for m in model.modules()
               if isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d))]
    was_training = model.training
    model.eval()
    with torch.no_grad():
        model(torch.zeros(1, 1, 28, 28))
    model.train(was_training)
    for h in handles:
        h.remove()
    return total[0]
