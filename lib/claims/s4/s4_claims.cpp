// The claims of S4 (the minor exam), in the order the report makes them.
#include "claims/s4/claims.h"
#include "claims/source_claims.h"

namespace aerepro::claims {

std::vector<Claim> s4_claims() {
  using namespace s4;
  return {cnn_beats_ae_classifier(), both_classifiers_above_97(),
          printed_first_epochs_pick_the_reading()};
}

}  // namespace aerepro::claims
