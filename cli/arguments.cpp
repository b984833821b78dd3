#include "cli/arguments.hpp"

namespace cvtrack::cli {

std::optional<std::string> Arguments::option(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

engine::Result<Arguments> parse_arguments(const std::vector<std::string>& args,
                                          const std::set<std::string>& value_options,
                                          const std::set<std::string>& flag_options) {
  Arguments out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.size() < 3 || a.compare(0, 2, "--") != 0) {
      out.positional.push_back(a);
      continue;
    }
    std::string name = a, value;
    bool has_value = false;
    if (auto eq = a.find('='); eq != std::string::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      has_value = true;
    }
    if (flag_options.count(name)) {
      if (has_value)
        return engine::make_error(engine::ErrorCode::bad_input, "option " + name + " takes no value");
      out.flags.insert(name);
    } else if (value_options.count(name)) {
      if (!has_value) {
        if (i + 1 >= args.size())
          return engine::make_error(engine::ErrorCode::bad_input, "option " + name + " needs a value");
        value = args[++i];
      }
      out.options[name] = value;
    } else {
      return engine::make_error(engine::ErrorCode::bad_input, "unknown option " + name);
    }
  }
  return out;
}

}  // namespace cvtrack::cli
