#include "workflows/assign_bodies.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "workflows/body_phrases.hpp"

namespace cvtrack::workflows {

namespace {

// The directory's own reading of a list, for when the task reader's
// splitter leaves a piece unknown. The marks that join bodies (" - ", ",",
// " và ") also occur inside names ("Phòng Tài chính - Kế hoạch", "Mặt trận
// Tổ quốc và các đoàn thể tỉnh"), so the longest run of pieces the directory
// knows is kept whole.
constexpr std::array<std::string_view, 7> kSeparators = {
    " - ", " \u2013 ", " \u2014 ", ", ", ",", ";", " và "};

std::string trim(std::string_view text) {
  constexpr std::string_view junk = " \t\r\n.,;:-";
  auto first = text.find_first_not_of(junk);
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(junk) - first + 1));
}

struct Pieces {
  std::vector<std::string> words;       // trimmed pieces
  std::vector<std::string> separators;  // separators[k] sits between words[k] and words[k+1]

  std::string join(std::size_t from, std::size_t to) const {  // words [from, to)
    std::string out = words[from];
    for (std::size_t k = from + 1; k < to; ++k) out += separators[k - 1] + words[k];
    return out;
  }
};

Pieces split_pieces(std::string_view text) {
  Pieces out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::string_view separator;
    for (auto s : kSeparators) {
      if (text.substr(i, s.size()) == s) {
        separator = s;
        break;
      }
    }
    if (separator.empty()) {
      ++i;
      continue;
    }
    out.words.push_back(trim(text.substr(start, i - start)));
    out.separators.emplace_back(separator);
    i += separator.size();
    start = i;
  }
  out.words.push_back(trim(text.substr(start)));
  return out;
}

std::vector<std::string> split_by_directory(const std::string& text, const BodyResolver& resolver) {
  const Pieces pieces = split_pieces(text);
  const std::size_t n = pieces.words.size();
  std::vector<std::string> names;
  for (std::size_t i = 0; i < n;) {
    std::size_t end = n;
    for (; end > i + 1; --end) {
      if (!resolver.resolve(pieces.join(i, end)).empty()) break;
    }
    names.push_back(pieces.join(i, end));
    i = end;
  }
  return names;
}

// Resolves each name; a name the directory lacks gets the list's shared tail
// ("HĐND, UBND, Ủy ban MTTQ Việt Nam huyện": "HĐND" is "HĐND huyện").
std::vector<AssigneePart> resolve_names(const std::vector<std::string>& names,
                                        const BodyResolver& resolver) {
  std::vector<AssigneePart> parts;
  for (const std::string& name : names) {
    if (std::string text = trim(name); !text.empty()) parts.push_back({text, resolver.resolve(text)});
  }
  if (parts.empty()) return parts;
  if (std::string tail = resolver.shared_tail(parts.back().text); !tail.empty()) {
    for (std::size_t k = 0; k + 1 < parts.size(); ++k) {
      if (parts[k].resolution.empty()) parts[k].resolution = resolver.resolve(parts[k].text + " " + tail);
    }
  }
  return parts;
}

std::size_t unknown_count(const std::vector<AssigneePart>& parts) {
  return std::count_if(parts.begin(), parts.end(), [](const auto& p) { return p.resolution.empty(); });
}

std::string directive_label(const engine::Directive& directive) {
  return directive.number ? "directive " + *directive.number : "unnumbered directive";
}

// One document names the same few bodies in directive after directive (the
// recipients, "Sở Tài chính", "UBND các huyện"): each phrase is resolved once
// per document and its reading reused, since resolving walks the directory.
class AssigneeReadings {
 public:
  explicit AssigneeReadings(const BodyResolver& resolver) : resolver_(resolver) {}
  const std::vector<AssigneePart>& of(const std::string& phrase) {
    auto found = readings_.find(phrase);
    if (found == readings_.end()) found = readings_.emplace(phrase, resolve_assignee(phrase, resolver_)).first;
    return found->second;
  }

 private:
  const BodyResolver& resolver_;
  std::map<std::string, std::vector<AssigneePart>, std::less<>> readings_;
};

// One task the directive's task becomes: a part of its assignee (when the
// phrase named several), or a body of the directory.
struct Share {
  const std::string* assignee = nullptr;  // null: the task's own
  const std::string* body = nullptr;      // null: unresolved
};

engine::TaskSpec shared(engine::TaskSpec task, const Share& share) {
  if (share.assignee) task.assignee = *share.assignee;
  if (share.body) task.body = *share.body;
  return task;
}

void resolve_directive(engine::Directive& directive, AssigneeReadings& readings,
                       std::vector<engine::Warning>& warnings) {
  std::vector<engine::TaskSpec> tasks;
  tasks.reserve(directive.tasks.size());  // most tasks resolve to one body
  std::set<std::string> warned;          // name_key()s, once per directive
  std::set<std::string> default_bodies;  // two Kính gửi lines may name one body
  std::vector<const std::string*> given;  // the ids one task was given (a handful)
  for (engine::TaskSpec& task : directive.tasks) {
    if (task.body || trim(task.assignee).empty()) {
      tasks.push_back(std::move(task));
      continue;
    }
    const std::vector<AssigneePart>& parts = readings.of(task.assignee);
    given.clear();
    // Each share but the last is a copy of the task; the last takes the task
    // itself (most tasks have one share, and copying them was most of this).
    std::optional<Share> pending;
    auto add = [&](Share share) {
      if (pending) tasks.push_back(shared(task, *pending));
      pending = share;
    };
    for (const AssigneePart& part : parts) {
      if (part.resolution.empty()) {
        add({parts.size() > 1 ? &part.text : nullptr, nullptr});
        if (warned.insert(name_key(part.text)).second)
          warnings.push_back({directive.line, directive_label(directive) + ": \"" + part.text +
                                                  "\" is not in the directory"});
        continue;
      }
      for (const std::string& id : part.resolution.body_ids) {
        if (std::any_of(given.begin(), given.end(), [&](const std::string* g) { return *g == id; })) continue;
        given.push_back(&id);
        if (task.is_default && !default_bodies.insert(id).second) continue;
        add({nullptr, &id});
      }
    }
    if (pending) tasks.push_back(shared(std::move(task), *pending));
  }
  directive.tasks = std::move(tasks);
  for (engine::Directive& item : directive.items) resolve_directive(item, readings, warnings);
}

}  // namespace

std::vector<AssigneePart> resolve_assignee(std::string_view phrase, const BodyResolver& resolver) {
  const std::string text = trim(phrase);
  if (text.empty()) return {};
  if (Resolution whole = resolver.resolve(text); !whole.empty()) return {{text, std::move(whole)}};
  // The task reader's splitter knows how documents write lists (tails after
  // " - ", collective phrases); the directory knows which runs are names.
  // The reading that leaves fewer names unknown wins.
  std::vector<AssigneePart> parts = resolve_names(split_body_list(text), resolver);
  if (unknown_count(parts) > 0) {
    std::vector<AssigneePart> by_directory = resolve_names(split_by_directory(text, resolver), resolver);
    if (unknown_count(by_directory) < unknown_count(parts)) parts = std::move(by_directory);
  }
  if (unknown_count(parts) == parts.size()) return {{text, {}}};  // name the phrase as written
  return parts;
}

void resolve_assignees(engine::ParsedDocument& doc, const BodyDirectory& dir) {
  const BodyResolver resolver(dir, doc.document.date);
  AssigneeReadings readings(resolver);
  for (engine::Directive& directive : doc.directives) resolve_directive(directive, readings, doc.warnings);
}

}  // namespace cvtrack::workflows
