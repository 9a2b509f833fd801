#include "claims/s2/picture_readings.h"

#include "claims/s2/support.h"

namespace aerepro::claims::s2 {

std::string as_made_or_corrected(bool as_made, const std::string& id) {
  return as_made ? "Measured as S2's code fed its models: the raw 0-255 test pixels (002:386, "
                   "669, 1625, 1699), outputs divided by 255; the proxies are read on the "
                   "images as imshow displays them (each stretched from its own minimum to its "
                   "maximum), so the scale does not enter them."
                 : "CORRECTED VARIANT (read with " + id +
                       ", the measurement as made): the models fed [0,1] pixels, the scale "
                       "they trained on.";
}

Departure full_departure(bool as_made, const std::string& more,
                         const std::vector<UnknownBias>& unknown) {
  return {(as_made ? kFullAsMade : "CORRECTED VARIANT: " + kFull) + more,
          unknown.empty() ? Bias::none : Bias::unknown, unknown};
}

}  // namespace aerepro::claims::s2
