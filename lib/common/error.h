// Errors that reach a user: each says what is wrong, where, and (where it helps) what to do.
#pragma once
#include <stdexcept>
#include <string>

namespace aerepro {

// Base of every error the harness reports to a user (CLI prints .what() and exits non-zero).
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A dataset file is missing, malformed or fails its checksum.
struct DataError : Error {
  using Error::Error;
};

// Training diverged (NaN/Inf loss) or was configured wrongly.
struct TrainingError : Error {
  using Error::Error;
};

// A checkpoint, results file or other artefact on disk is unreadable or inconsistent.
struct ArtifactError : Error {
  using Error::Error;
};

// A command-line or configuration value is invalid (unknown claim, profile, device ...).
struct UsageError : Error {
  using Error::Error;
};

}  // namespace aerepro
