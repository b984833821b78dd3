// workflows/body_directory.hpp
//
// The bodies of one jurisdiction that directives can assign work to: their
// ids, names, short forms, parents and the groups documents address them by
// ("các xã, thị trấn"). The secretariat maintains it as a JSON file (format in
// README.md#data-directory-format); bodies come and go (communes merge, since
// 2025 there are no districts), so the hierarchy lives in that data and no
// code names a body. A loaded directory is immutable and cheap to share.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/date.hpp"
#include "engine/result.hpp"

namespace cvtrack::workflows {

struct Body {
  std::string id;                      // stable ascii: "ubnd-xa-xuan-hong"
  std::string name;                    // full name, modern tone placement
  std::string kind;                    // "people-committee", "commune", ...
  std::optional<std::string> parent;   // id; null at the top of the jurisdiction
  std::vector<std::string> aliases;    // the short forms documents use
  std::vector<std::string> groups;     // group ids this body belongs to
  std::optional<engine::Date> valid_from;
  std::optional<engine::Date> valid_to;  // last day the body existed
  std::optional<std::string> note;
  std::optional<std::string> source;
};

// A set of bodies a document addresses by one phrase. Membership is recorded
// on the bodies, so adding a commune is one edit in one place.
struct BodyGroup {
  std::string id;                      // "cac-xa-thi-tran"
  std::string name;
  std::vector<std::string> phrases;    // "các xã, thị trấn", "các địa phương"
  std::optional<std::string> note;
};

struct Jurisdiction {
  std::string name;       // "Xuân Trường"
  std::string level;      // "huyện", "tỉnh", "xã": the word documents append
  std::string full_name;  // "Huyện Xuân Trường, tỉnh Nam Định"
};

// The comparison key for body names and group phrases: fold() (case, NFC,
// tone placement), punctuation and dashes as spaces, "&" as "và", the
// common abbreviations spelled out (UBND -> ủy ban nhân dân, TT before a body
// -> thường trực, before a place -> thị trấn), "của" dropped, a leading "các"
// dropped. Two texts with the same key name the same thing.
std::string name_key(std::string_view text);

class BodyDirectory {
 public:
  // Reads and validates a directory file. Every Error message starts with
  // "FILE: " and names the offending body or group: an unreadable file,
  // malformed JSON (with nlohmann's byte position), a missing field, a
  // duplicate id, an unknown parent or group, a parent cycle, a name or alias
  // claimed by two bodies, a group phrase that is also a body's name.
  static engine::Result<BodyDirectory> load(const std::filesystem::path& path);
  // `source_name` stands for the file in messages.
  static engine::Result<BodyDirectory> from_json(std::string_view json_text,
                                                 std::string_view source_name);

  const Jurisdiction& jurisdiction() const { return jurisdiction_; }
  const std::vector<Body>& bodies() const { return bodies_; }
  const std::vector<BodyGroup>& groups() const { return groups_; }

  const Body* find(std::string_view id) const;
  const BodyGroup* find_group(std::string_view id) const;
  // Exact lookups by name_key(); nullptr when nothing has that key.
  const Body* find_by_name(std::string_view name) const;
  const BodyGroup* find_group_by_phrase(std::string_view phrase) const;

  // The same lookup for text that is already a key, or words of keys joined
  // by spaces ("ủy ban nhân dân" + " " + "xã xuân hồng"): it skips fold(),
  // the costly part of name_key(), and is otherwise the same as find_by_name.
  // REQUIRES: `key` is folded and free of punctuation (built from name_keys).
  const Body* find_by_key(std::string_view key) const;

  // name_key()s computed once when the directory is loaded, because a
  // resolver compares them many times a document.
  struct GroupPhraseKey {
    std::string key;
    std::size_t group;  // index into groups()
  };
  // Every group phrase's key, longest first.
  const std::vector<GroupPhraseKey>& group_phrase_keys() const { return group_phrase_keys_; }
  // The keys of bodies()[i]'s name and then of its aliases.
  const std::vector<std::string>& name_keys(std::size_t body_index) const { return name_keys_[body_index]; }
  // Indices into bodies() of the members of groups()[i], in file order.
  const std::vector<std::size_t>& member_indices(std::size_t group_index) const {
    return member_indices_[group_index];
  }
  // A body whose key is a head composed with the name of a group's member:
  // "ủy ban nhân dân" + " " + "xã xuân hồng" is the key of "UBND xã Xuân
  // Hồng", member "Xã Xuân Hồng" of the group "các xã, thị trấn".
  struct ComposedBody {
    std::size_t member;  // index into bodies() of the group's member
    std::size_t name;    // index into name_keys(member)
    std::size_t body;    // index into bodies() of the body with that key
  };
  // Every body find_by_key(head + " " + name) finds for each member of
  // groups()[group] and each of its name_keys(), ordered by member (file
  // order) and then by name. Indexed when the directory is loaded, because a
  // resolver asks it for "UBND các xã …" in document after document and
  // composing each member's key then was a look-up per member per name.
  // nullptr when find_by_key would not look the composed keys up as they are
  // (a head with a word name_key() spells out, such as "tt"): compose them.
  const std::vector<ComposedBody>* composed_bodies(std::size_t group, std::string_view head) const;

  // name_key() of the jurisdiction's level ("huyện") and name ("xuân trường").
  const std::string& level_key() const { return level_key_; }
  const std::string& place_key() const { return place_key_; }

  std::vector<const Body*> children(std::string_view id) const;
  std::vector<const Body*> members(std::string_view group_id) const;
  // Parent first, the top of the jurisdiction last; empty for unknown ids.
  std::vector<const Body*> ancestors(std::string_view id) const;
  // True when `ancestor_id` is a strict ancestor of `id`: the body above,
  // for delegation and supervision.
  bool is_under(std::string_view id, std::string_view ancestor_id) const;
  // True when the body existed on `date` (unknown ids: false).
  bool is_valid_on(std::string_view id, engine::Date date) const;
  // The same for a body of this directory, without looking its id up.
  static bool is_valid_on(const Body& body, engine::Date date);

 private:
  BodyDirectory() = default;
  engine::Status index(std::string_view source_name);

  Jurisdiction jurisdiction_;
  std::vector<Body> bodies_;
  std::vector<BodyGroup> groups_;
  std::map<std::string, std::size_t, std::less<>> by_id_;
  std::map<std::string, std::size_t, std::less<>> group_by_id_;
  std::map<std::string, std::size_t, std::less<>> by_name_key_;
  std::map<std::string, std::size_t, std::less<>> group_by_phrase_key_;
  std::vector<GroupPhraseKey> group_phrase_keys_;
  std::vector<std::vector<std::string>> name_keys_;        // per body
  std::vector<std::vector<std::size_t>> member_indices_;   // per group
  // Per group: heads -> composed bodies; empty when some member's name would
  // not be looked up as it is after a head.
  std::vector<std::map<std::string, std::vector<ComposedBody>, std::less<>>> composed_;
  std::vector<bool> composed_indexed_;                     // per group
  void index_composed_bodies();
  std::string level_key_;
  std::string place_key_;
};

}  // namespace cvtrack::workflows
