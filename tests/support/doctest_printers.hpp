// tests/support/doctest_printers.hpp
//
// Lets doctest show optional values in failure messages instead of "{?}".
#pragma once

#include <doctest/doctest.h>

#include <optional>
#include <string>

namespace doctest {

template <typename T>
struct StringMaker<std::optional<T>> {
  static String convert(const std::optional<T>& value) {
    if (!value) return "nullopt";
    return StringMaker<T>::convert(*value);
  }
};

template <>
struct StringMaker<std::string> {
  static String convert(const std::string& value) { return ("\"" + value + "\"").c_str(); }
};

}  // namespace doctest
