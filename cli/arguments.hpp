// cli/arguments.hpp
//
// A small, strict command-line reader: positional arguments, `--flag`,
// `--option value` and `--option=value`. Unknown options are an error the
// user sees, never silently ignored.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/result.hpp"

namespace cvtrack::cli {

struct Arguments {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // "--db" -> "x.db"
  std::set<std::string> flags;                  // "--json"

  bool flag(const std::string& name) const { return flags.count(name) > 0; }
  std::optional<std::string> option(const std::string& name) const;
};

// `value_options` take a value; `flag_options` do not. Anything else starting
// with "--" is refused with a message naming it.
engine::Result<Arguments> parse_arguments(const std::vector<std::string>& args,
                                          const std::set<std::string>& value_options,
                                          const std::set<std::string>& flag_options);

}  // namespace cvtrack::cli
