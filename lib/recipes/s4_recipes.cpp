#include "recipes/s4_recipes.h"

namespace aerepro::recipes {
namespace {

SourceTraining s4_training() {
  SourceTraining t;
  t.batch_size = 100;       // S4.1
  t.learning_rate = 1e-3;   // S4.2-S4.4
  t.epochs = 15;            // S4.2-S4.4
  t.train_images = 120000;  // S4.1: 30,000 originals x4
  return t;
}

}  // namespace

Recipe<models::FashionCnn> fashion_cnn() {
  return {"S4.2", models::FashionCnnOptions{}, s4_training(), {}};
}

Recipe<models::FashionAutoencoder> fashion_autoencoder() {
  return {"S4.3", models::FashionAutoencoderOptions{}, s4_training(), {}};
}

Recipe<models::AutoencoderClassifier> autoencoder_classifier() {
  return {"S4.4", models::AutoencoderClassifierOptions{}, s4_training(), {}};
}

}  // namespace aerepro::recipes
