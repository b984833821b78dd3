// `cvtrack token create|list|revoke`: the bearer tokens `cvtrack serve`
// accepts (storage/token_store.hpp). `create` prints the token alone on
// standard output, once, so `TOKEN=$(cvtrack token create …)` works; its id
// and what it is for go to standard error.
#include <ostream>

#include "cli/commands.hpp"
#include "cli/commands/output_format.hpp"
#include "cli/commands/session.hpp"
#include "engine/access.hpp"
#include "storage/token_store.hpp"
#include "workflows/vietnamese_text.hpp"

namespace cvtrack::cli {

namespace {

constexpr const char* kCreateUsage = "token create --body BODY --role unit|supervisor|secretariat [--label TEXT]";
constexpr const char* kListUsage = "token list [--json]";
constexpr const char* kRevokeUsage = "token revoke ID";

int usage(CommandContext& ctx, const char* line) {
  ctx.err << "usage: cvtrack " << line << "\n";
  return 2;
}

Session* opened_session(std::variant<std::unique_ptr<Session>, int>& opened) {
  auto* session = std::get_if<std::unique_ptr<Session>>(&opened);
  return session ? session->get() : nullptr;
}

// The instant a change is recorded at: --as-of stands for noon that day, as
// for every other command; otherwise now.
engine::TimePoint now_for(const Session& s) {
  return s.has_as_of() ? engine::vietnam_noon(s.today()) : engine::SystemClock().now();
}

engine::Error bad_input(std::string message) { return engine::make_error(engine::ErrorCode::bad_input, std::move(message)); }

// A token speaks for a body of the directory `init --directory` recorded;
// the secretariat may also be just "secretariat", the actor the log uses.
engine::Status check_body(Session& s, const std::string& body, engine::Role role) {
  if (body == engine::kSecretariat) {
    if (role == engine::Role::secretariat) return engine::Ok{};
    return bad_input("--body secretariat goes only with --role secretariat");
  }
  auto registry = s.service().bodies();
  if (!registry) return registry.error();
  if (registry->empty())
    return bad_input("--body \"" + body + "\": no directory is recorded; run `cvtrack init --directory FILE` first");
  if (!registry->find(body))
    return bad_input("--body \"" + body +
                     "\" is not in the directory recorded by `cvtrack init --directory` (see `cvtrack bodies`)");
  return engine::Ok{};
}

engine::Result<std::optional<std::string>> label_of(const Session& s) {
  auto label = s.args().option("--label");
  if (!label) return std::optional<std::string>{};
  if (auto bad = workflows::first_invalid_utf8(*label))
    return bad_input("--label is not UTF-8 (byte " + std::to_string(*bad) + ")");
  return std::optional<std::string>(workflows::to_nfc(*label));
}

int create(CommandContext& ctx) {
  auto opened = Session::open(ctx, "token create", {"--body", "--role", "--label"}, {});
  Session* s = opened_session(opened);
  if (!s) return std::get<int>(opened);
  auto body = s->args().option("--body");
  auto role_text = s->args().option("--role");
  if (!body || !role_text || !s->args().positional.empty()) return usage(ctx, kCreateUsage);
  auto role = engine::parse_role(*role_text);
  if (!role) return s->fail(bad_input("--role: " + role.error().message));
  if (auto ok = check_body(*s, *body, *role); !ok) return s->fail(ok.error());
  auto label = label_of(*s);
  if (!label) return s->fail(label.error());
  storage::TokenStore tokens(s->database());
  auto made = tokens.create(*body, *role, *label, now_for(*s));
  if (!made) return s->fail(made.error());
  if (s->json()) {
    ctx.out << nlohmann::json{{"id", made->id}, {"token", made->secret}}.dump() << "\n";
  } else {
    ctx.out << made->secret << "\n";
  }
  ctx.err << "token " << made->id << " for " << *body << " (" << engine::role_name(*role)
          << "); it is shown only now, and only its SHA-256 is kept\n";
  return 0;
}

nlohmann::json token_json(const storage::TokenInfo& t) {
  return {{"id", t.id},
          {"body", t.body},
          {"role", engine::role_name(t.role)},
          {"label", t.label ? nlohmann::json(*t.label) : nlohmann::json(nullptr)},
          {"created_at", t.created_at},
          {"revoked_at", t.revoked_at ? nlohmann::json(*t.revoked_at) : nlohmann::json(nullptr)}};
}

int list(CommandContext& ctx) {
  auto opened = Session::open(ctx, "token list", {}, {});
  Session* s = opened_session(opened);
  if (!s) return std::get<int>(opened);
  if (!s->args().positional.empty()) return usage(ctx, kListUsage);
  auto tokens = storage::TokenStore(s->database()).list();
  if (!tokens) return s->fail(tokens.error());
  if (s->json()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& t : *tokens) out.push_back(token_json(t));
    ctx.out << out.dump(2) << "\n";
    return 0;
  }
  if (tokens->empty()) ctx.out << "no tokens (cvtrack " << kCreateUsage << ")\n";
  for (const auto& t : *tokens)
    ctx.out << pad_column(t.id, 6) << "  " << pad_column(t.body, 24) << "  "
            << pad_column(engine::role_name(t.role), 11) << "  created " << t.created_at << "  "
            << (t.revoked_at ? "revoked " + *t.revoked_at : std::string("active")) << (t.label ? "  " + *t.label : "")
            << "\n";
  return 0;
}

int revoke(CommandContext& ctx) {
  auto opened = Session::open(ctx, "token revoke", {}, {});
  Session* s = opened_session(opened);
  if (!s) return std::get<int>(opened);
  if (s->args().positional.size() != 1) return usage(ctx, kRevokeUsage);
  const std::string& id = s->args().positional[0];
  auto revoked = storage::TokenStore(s->database()).revoke(id, now_for(*s));
  if (!revoked) return s->fail(revoked.error());
  if (revoked->already_revoked)
    ctx.out << id << " was already revoked at " << revoked->revoked_at << "; nothing changed\n";
  else
    ctx.out << id << " revoked at " << revoked->revoked_at << "; `cvtrack serve` refuses it from now on\n";
  return 0;
}

}  // namespace

int run_token(CommandContext& ctx) {
  std::string sub = ctx.args.empty() ? "" : ctx.args[0];
  CommandContext rest{ctx.args.empty() ? std::vector<std::string>{}
                                       : std::vector<std::string>(ctx.args.begin() + 1, ctx.args.end()),
                      ctx.out, ctx.err};
  if (sub == "create") return create(rest);
  if (sub == "list") return list(rest);
  if (sub == "revoke") return revoke(rest);
  ctx.err << "cvtrack token: " << (sub.empty() ? "a subcommand is needed" : "unknown subcommand \"" + sub + "\"")
          << " (create, list, revoke)\n";
  ctx.err << "usage: cvtrack " << kCreateUsage << "\n       cvtrack " << kListUsage << "\n       cvtrack "
          << kRevokeUsage << "\n";
  return 2;
}

}  // namespace cvtrack::cli
