// S4's claims (004, the minor exam), one function each; s4_claims() lists them in order.
#pragma once
#include "claims/claim.h"

namespace aerepro::claims::s4 {

Claim cnn_beats_ae_classifier();                // 004:288-291 (classifier_claims.cpp)
Claim both_classifiers_above_97();              // the brief's headline 4 (classifier_claims.cpp)
Claim printed_first_epochs_pick_the_reading();  // the harness's (reading_claims.cpp)

}  // namespace aerepro::claims::s4
