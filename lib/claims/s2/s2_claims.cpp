// The claims of S2 (Programming Assignment 3), in the order the report makes them.
#include "claims/s2/support.h"
#include "claims/source_claims.h"

namespace aerepro::claims {

std::vector<Claim> s2_claims() {
  using namespace s2;
  return {pca_beats_source_ae(),
          pca_beats_source_ae_corrected(),
          source_ae_sharper_than_pca(),
          source_ae_sharper_than_pca_corrected(),
          source_ae_reconstructions_have_holes(),
          well_trained_ae_beats_pca(),
          error_falls_with_hidden_size(),
          wider_ae_keeps_more_detail(),
          wider_ae_keeps_more_detail_corrected(),
          ood_error_far_above_in_distribution(),
          ood_reconstructions_black_border_look_like_digits(),
          sparse_penalty_raises_loss_and_silences_units(),
          large_penalty_spoils_reconstruction(),
          large_penalty_spoils_reconstruction_corrected(),
          smaller_penalty_keeps_more_units_active(),
          smaller_penalty_keeps_more_units_active_corrected(),
          standard_filters_patterned_sparse_not(),
          dae_training_loss_rises_with_noise(),
          dae_beats_ae_on_noisy_inputs(),
          dae_outputs_lose_contrast(),
          dae_outputs_lose_contrast_corrected(),
          standard_ae_ignores_noise(),
          standard_ae_ignores_noise_corrected(),
          noisy_inputs_give_holes(),
          noisy_outputs_alike(),
          noisy_outputs_alike_corrected(),
          random_moves_leave_no_digit(),
          random_moves_leave_no_digit_corrected(),
          latent_noise_small_keeps_reconstruction(),
          latent_noise_small_keeps_reconstruction_pixels_0_255(),
          latent_noise_huge_destroys_reconstruction(),
          latent_noise_huge_destroys_reconstruction_pixels_0_255(),
          code_noise_turns_4_into_9(),
          conv_aes_reach_low_loss()};
}

}  // namespace aerepro::claims
