// storage/token_store.hpp
//
// The server's access tokens and its security log, in the `tokens` and
// `security_log` tables (storage/schema.hpp, v3). A token is a random secret
// ("cvt_" and 43 base64url characters: 32 bytes from the kernel's CSPRNG)
// printed once by `cvtrack token create`; only its SHA-256 is stored, so the
// database never holds anything that authenticates. Tokens are not events:
// they are not domain history, and a revocation must act without a replay.
//
// Each call is its own short transaction on the given connection. The class
// holds nothing but that reference, so the server makes one per connection
// (per thread) and shares nothing; SQLite serialises the writers. SQLite's
// failures come back as values (busy -> unavailable, ...), never as throws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/access.hpp"
#include "engine/clock.hpp"
#include "engine/result.hpp"
#include "storage/sqlite_database.hpp"

namespace cvtrack::storage {

struct NewToken {
  std::string id;      // "tok3": public, shown by `token list`, written in the security log
  std::string secret;  // "cvt_…": shown once, never stored
};

struct TokenInfo {
  std::string id;
  std::string body;
  engine::Role role = engine::Role::unit;
  std::optional<std::string> label;
  std::string created_at;                 // UTC instant, "2026-03-01T02:00:00Z"
  std::optional<std::string> revoked_at;  // null while the token works
};

struct Revocation {
  std::string revoked_at;        // when it was (or had already been) revoked
  bool already_revoked = false;  // true: nothing changed
};

// One refused request, for the security log: the row as stored.
struct Refusal {
  std::string at;                       // UTC instant, engine::to_utc_iso(clock.now())
  std::optional<std::string> token_id;  // null: no token, or one we do not know
  std::optional<std::string> body;
  std::optional<std::string> role;      // engine::role_name()
  std::string method;                   // "POST"
  std::string target;                   // "/api/tasks/T1.3/approve"
  int status = 0;                       // 401, 403
  std::string reason;                   // the message the caller was given
  std::optional<std::string> peer;      // "127.0.0.1:51234"
};

struct SecurityLogRow {
  std::int64_t id = 0;
  Refusal refusal;
};

class TokenStore {
 public:
  // `database` must outlive the store.
  explicit TokenStore(SqliteDatabase& database) : database_(database) {}

  // A new token for `body` with `role`. The caller has checked that the body
  // exists (the store knows no directory). Fails only when SQLite does, or
  // when the kernel gives no random bytes (internal).
  engine::Result<NewToken> create(const std::string& body, engine::Role role,
                                  const std::optional<std::string>& label, engine::TimePoint now);

  // The principal a presented secret stands for. unauthenticated for an
  // unknown secret (the message does not repeat it) and for a revoked token
  // (the message names its id and when).
  engine::Result<engine::Principal> authenticate(const std::string& secret) const;

  // Every token, oldest first, revoked ones included.
  engine::Result<std::vector<TokenInfo>> list() const;

  // not_found for an unknown id; revoking twice changes nothing and says so.
  engine::Result<Revocation> revoke(const std::string& id, engine::TimePoint now);

  engine::Status record_refusal(const Refusal& refusal);
  // The security log, oldest first (for tests and inspection).
  engine::Result<std::vector<SecurityLogRow>> refusals() const;

 private:
  SqliteDatabase& database_;
};

}  // namespace cvtrack::storage
