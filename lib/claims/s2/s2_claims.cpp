// The claims of S2 (Programming Assignment 3), in the order the report makes them.
#include "claims/s2/support.h"
#include "claims/source_claims.h"

namespace aerepro::claims {

std::vector<Claim> s2_claims() {
  using namespace s2;
  return {pca_beats_source_ae(),
          pca_beats_source_ae_corrected(),
          well_trained_ae_beats_pca(),
          error_falls_with_hidden_size(),
          ood_error_far_above_in_distribution(),
          sparse_penalty_raises_loss_and_silences_units(),
          large_penalty_spoils_reconstruction(),
          large_penalty_spoils_reconstruction_corrected(),
          smaller_penalty_keeps_more_units_active(),
          smaller_penalty_keeps_more_units_active_corrected(),
          dae_training_loss_rises_with_noise(),
          dae_beats_ae_on_noisy_inputs(),
          standard_ae_ignores_noise(),
          standard_ae_ignores_noise_corrected(),
          latent_noise_small_keeps_huge_destroys(),
          conv_aes_reach_low_loss()};
}

}  // namespace aerepro::claims
