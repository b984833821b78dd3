#include "storage/token_store.hpp"

#include <sys/random.h>

#include <cerrno>
#include <cstring>

#include "engine/sha256.hpp"
#include "storage/sqlite_impl.hpp"

namespace cvtrack::storage {

namespace {

constexpr std::size_t kSecretBytes = 32;
constexpr const char* kSecretPrefix = "cvt_";

// `n` bytes from the kernel's CSPRNG. getrandom() blocks only until the pool
// is first seeded at boot, and may return fewer bytes than asked (signals).
engine::Result<std::string> random_bytes(std::size_t n) {
  std::string out(n, '\0');
  std::size_t filled = 0;
  while (filled < n) {
    ssize_t got = getrandom(out.data() + filled, n - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      return engine::make_error(engine::ErrorCode::internal,
                                std::string("no random bytes for a token: getrandom: ") + std::strerror(errno));
    }
    filled += std::size_t(got);
  }
  return out;
}

// RFC 4648 §5, without padding: safe in a header, a shell and a URL.
std::string base64url(const std::string& bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(buffer >> bits) & 0x3f];
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (6 - bits)) & 0x3f];
  return out;
}

std::optional<std::string> optional_text(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getString();
}

void bind_optional(SQLite::Statement& q, int index, const std::optional<std::string>& value) {
  if (value) q.bind(index, *value);
  else q.bind(index);
}

// The next "tokN". Called inside the write transaction, so two creators
// cannot both take the same number.
std::string next_token_id(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT COALESCE(MAX(CAST(substr(id, 4) AS INTEGER)), 0) FROM tokens WHERE id LIKE 'tok%'");
  q.executeStep();
  return "tok" + std::to_string(q.getColumn(0).getInt64() + 1);
}

}  // namespace

engine::Result<NewToken> TokenStore::create(const std::string& body, engine::Role role,
                                            const std::optional<std::string>& label, engine::TimePoint now) {
  auto bytes = random_bytes(kSecretBytes);
  if (!bytes) return bytes.error();
  NewToken token{"", kSecretPrefix + base64url(*bytes)};
  SQLite::Database& db = database_.impl().db;
  try {
    SQLite::Transaction txn(db, SQLite::TransactionBehavior::IMMEDIATE);
    token.id = next_token_id(db);
    SQLite::Statement q(db, "INSERT INTO tokens (id, hash, body, role, label, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, token.id);
    q.bind(2, engine::sha256_hex(token.secret));
    q.bind(3, body);
    q.bind(4, engine::role_name(role));
    bind_optional(q, 5, label);
    q.bind(6, engine::to_utc_iso(now));
    q.exec();
    txn.commit();
    return token;
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": creating a token for " + body);
  }
}

engine::Result<engine::Principal> TokenStore::authenticate(const std::string& secret) const {
  try {
    // A lookup by hash leaks nothing useful through timing: the hash of a
    // 256-bit random secret cannot be guessed a prefix at a time.
    // Every request asks: the statement is the connection's, prepared once
    // (perf: preparing it was most of authenticating, ~8% of serve's CPU).
    static const std::string sql = "SELECT id, body, role, revoked_at FROM tokens WHERE hash = ?";
    auto cached = database_.impl().statements.get(sql);
    SQLite::Statement& q = *cached;
    q.bind(1, engine::sha256_hex(secret));
    if (!q.executeStep())
      return engine::make_error(engine::ErrorCode::unauthenticated,
                                "the bearer token is not one this server issued (mistyped, or from another database)");
    std::string id = q.getColumn(0).getString();
    if (!q.getColumn(3).isNull())
      return engine::make_error(engine::ErrorCode::unauthenticated,
                                "token " + id + " was revoked at " + q.getColumn(3).getString());
    auto role = engine::parse_role(q.getColumn(2).getString());
    if (!role) return engine::make_error(engine::ErrorCode::internal, "token " + id + ": " + role.error().message);
    return engine::Principal{id, q.getColumn(1).getString(), *role};
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": checking a token");
  }
}

engine::Result<std::vector<TokenInfo>> TokenStore::list() const {
  SQLite::Database& db = database_.impl().db;
  try {
    SQLite::Statement q(db, "SELECT id, body, role, label, created_at, revoked_at FROM tokens "
                            "ORDER BY created_at, CAST(substr(id, 4) AS INTEGER)");
    std::vector<TokenInfo> out;
    while (q.executeStep()) {
      auto role = engine::parse_role(q.getColumn(2).getString());
      if (!role) return engine::make_error(engine::ErrorCode::internal, "token " + q.getColumn(0).getString() +
                                                                            ": " + role.error().message);
      out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), *role, optional_text(q.getColumn(3)),
                     q.getColumn(4).getString(), optional_text(q.getColumn(5))});
    }
    return out;
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": listing tokens");
  }
}

engine::Result<Revocation> TokenStore::revoke(const std::string& id, engine::TimePoint now) {
  SQLite::Database& db = database_.impl().db;
  try {
    SQLite::Transaction txn(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement find(db, "SELECT revoked_at FROM tokens WHERE id = ?");
    find.bind(1, id);
    if (!find.executeStep())
      return engine::make_error(engine::ErrorCode::not_found,
                                "token \"" + id + "\" does not exist (see `cvtrack token list`)");
    if (!find.getColumn(0).isNull()) return Revocation{find.getColumn(0).getString(), true};
    std::string at = engine::to_utc_iso(now);
    SQLite::Statement q(db, "UPDATE tokens SET revoked_at = ? WHERE id = ?");
    q.bind(1, at);
    q.bind(2, id);
    q.exec();
    txn.commit();
    return Revocation{at, false};
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": revoking token " + id);
  }
}

engine::Status TokenStore::record_refusal(const Refusal& r) {
  SQLite::Database& db = database_.impl().db;
  try {
    SQLite::Statement q(db, "INSERT INTO security_log (at, token_id, body, role, method, target, status, reason, peer) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, r.at);
    bind_optional(q, 2, r.token_id);
    bind_optional(q, 3, r.body);
    bind_optional(q, 4, r.role);
    q.bind(5, r.method);
    q.bind(6, r.target);
    q.bind(7, r.status);
    q.bind(8, r.reason);
    bind_optional(q, 9, r.peer);
    q.exec();  // one statement: its own transaction
    return engine::Ok{};
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": recording a refusal in the security log");
  }
}

engine::Result<std::vector<SecurityLogRow>> TokenStore::refusals() const {
  SQLite::Database& db = database_.impl().db;
  try {
    SQLite::Statement q(db, "SELECT id, at, token_id, body, role, method, target, status, reason, peer "
                            "FROM security_log ORDER BY id");
    std::vector<SecurityLogRow> out;
    while (q.executeStep()) {
      SecurityLogRow row;
      row.id = q.getColumn(0).getInt64();
      row.refusal.at = q.getColumn(1).getString();
      row.refusal.token_id = optional_text(q.getColumn(2));
      row.refusal.body = optional_text(q.getColumn(3));
      row.refusal.role = optional_text(q.getColumn(4));
      row.refusal.method = q.getColumn(5).getString();
      row.refusal.target = q.getColumn(6).getString();
      row.refusal.status = q.getColumn(7).getInt();
      row.refusal.reason = q.getColumn(8).getString();
      row.refusal.peer = optional_text(q.getColumn(9));
      out.push_back(std::move(row));
    }
    return out;
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": reading the security log");
  }
}

}  // namespace cvtrack::storage
