// S4 (minor exam): the Fashion-MNIST CNN, AE and AE classifier as the source trained them
// (S4.1: batch 100 on the 120,000 augmented images; Adam 1e-3; 15 epochs).
#pragma once
#include "models/ae_classifier.h"
#include "models/fashion_ae.h"
#include "models/fashion_cnn.h"
#include "recipes/recipe.h"

namespace aerepro::recipes {

Recipe<models::FashionCnn> fashion_cnn();                        // S4.2
Recipe<models::FashionAutoencoder> fashion_autoencoder();        // S4.3
Recipe<models::AutoencoderClassifier> autoencoder_classifier();  // S4.4 (fresh encoder)

}  // namespace aerepro::recipes
