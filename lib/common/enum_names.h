// Enum names written once: a constexpr table of {value, name} per enum, and the lookups both
// ways (to_string and parse cannot drift apart). A table is any array of entries with members
// `value` (the enumerator) and `name` (its text): EnumName<E>, or a richer entry such as
// FigureInfo (common/figure_catalog.h). Torch-free and header-only.
//
//   constexpr EnumName<Profile> kProfileNames[] = {
//       {Profile::smoke, "smoke"}, {Profile::ci, "ci"}, {Profile::full, "full"}};
//   static_assert(enum_names_complete(kProfileNames, Profile::full));
//   std::string to_string(Profile p) { return std::string(enum_name(kProfileNames, p)); }
//   Profile parse_profile(const std::string& s) { return parse_enum(kProfileNames, s, "profile"); }
#pragma once
#include "common/error.h"

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace aerepro {

template <typename E>
struct EnumName {
  E value;
  std::string_view name;
};

// Whether `table` lists every enumerator from 0 up to `last`, in order, each with a non-empty
// name of its own: static_assert it beside each table (a new enumerator after `last` needs
// `last` moved too).
template <typename Entry, std::size_t N>
constexpr bool enum_names_complete(const Entry (&table)[N], decltype(Entry::value) last) {
  if (N != static_cast<std::size_t>(last) + 1) return false;
  for (std::size_t i = 0; i < N; ++i) {
    if (table[i].value != static_cast<decltype(Entry::value)>(i) || table[i].name.empty()) {
      return false;
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (table[j].name == table[i].name) return false;
    }
  }
  return true;
}

// The name of `value`; std::logic_error for a value the table does not list (a cast out of the
// enum's range: a bug, not an input).
template <typename Entry, std::size_t N>
constexpr std::string_view enum_name(const Entry (&table)[N], decltype(Entry::value) value) {
  for (const auto& entry : table) {
    if (entry.value == value) return entry.name;
  }
  throw std::logic_error("enum value " + std::to_string(static_cast<long long>(value)) +
                         " has no name");
}

// The enumerator named `name` exactly; none for any other text.
template <typename Entry, std::size_t N>
constexpr std::optional<decltype(Entry::value)> find_enum(const Entry (&table)[N],
                                                          std::string_view name) {
  for (const auto& entry : table) {
    if (entry.name == name) return entry.value;
  }
  return std::nullopt;
}

// The valid names as a sentence: "smoke, ci or full".
template <typename Entry, std::size_t N>
std::string enum_names_sentence(const Entry (&table)[N]) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) out += i + 1 == N ? " or " : ", ";
    out += table[i].name;
  }
  return out;
}

// The enumerator named `text`; for any other text a UsageError naming what was expected and
// listing the valid names: "unknown profile 'turbo': use smoke, ci or full".
template <typename Entry, std::size_t N>
decltype(Entry::value) parse_enum(const Entry (&table)[N], std::string_view text,
                                  std::string_view what) {
  if (const auto value = find_enum(table, text)) return *value;
  throw UsageError("unknown " + std::string(what) + " '" + std::string(text) + "': use " +
                   enum_names_sentence(table));
}

}  // namespace aerepro
