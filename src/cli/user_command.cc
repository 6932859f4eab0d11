// `treatywatch user add NAME --role ROLE`, `user list [--json]`, `user passwd NAME`,
// `user role NAME ROLE`, `user disable NAME`, `user enable NAME`: the team's accounts for
// `treatywatch serve` (server/auth/accounts.h). Each change is written to the audit log under the
// operating-system user who ran the command.
//
// Passwords are never arguments (they would stay in the shell history and show in `ps`):
//   * stdin is a terminal: asked twice on stderr with echo off (termios); both must match;
//   * otherwise: the first line of stdin is the password (a trailing "\r" is dropped), so a
//     script can run `printf '%s\n' "$PASSWORD" | treatywatch user add NAME --role ROLE`.
// Either way it must be at least 12 characters (server/auth/password_hash.h).
#include <pwd.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "cli/commands.h"
#include "server/auth/account_json.h"
#include "server/auth/accounts.h"
#include "server/auth/password_hash.h"
#include "server/role.h"
#include "store/account_rows.h"

namespace tw::cli {
namespace {

struct UserArgs {
  std::string name;
  std::string role;
};

// The OS account running this command, for the audit log.
std::string OsUser() {
  if (const passwd* entry = getpwuid(geteuid()); entry != nullptr && entry->pw_name != nullptr) {
    return entry->pw_name;
  }
  if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') return user;
  return fmt::format("uid {}", geteuid());
}

// One line from stdin, at most kMaxPasswordBytes + 1 bytes kept (so an oversized one is
// refused rather than cut); nullopt at end of input.
std::optional<std::string> ReadLine() {
  std::string line;
  int c = 0;
  bool any = false;
  while ((c = std::getchar()) != EOF) {
    any = true;
    if (c == '\n') break;
    if (line.size() <= server::auth::kMaxPasswordBytes) line += static_cast<char>(c);
  }
  if (!any) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// Reads a line from the terminal on stdin without echoing it.
absl::StatusOr<std::string> AskHidden(std::string_view prompt) {
  std::cerr << prompt << std::flush;
  termios saved{};
  if (tcgetattr(STDIN_FILENO, &saved) != 0) {
    return absl::UnavailableError("cannot read the terminal's settings");
  }
  termios quiet = saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  quiet.c_lflag |= ECHONL;
  if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) != 0) {
    return absl::UnavailableError("cannot turn the terminal's echo off");
  }
  std::optional<std::string> line = ReadLine();
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  if (!line.has_value()) return absl::InvalidArgumentError("no password given");
  return *line;
}

absl::StatusOr<std::string> ReadNewPassword(std::string_view name) {
  std::string password;
  if (isatty(STDIN_FILENO)) {
    absl::StatusOr<std::string> first = AskHidden(fmt::format("New password for {}: ", name));
    if (!first.ok()) return first.status();
    if (absl::Status s = server::auth::CheckNewPassword(*first); !s.ok()) return s;
    absl::StatusOr<std::string> again = AskHidden("Repeat it: ");
    if (!again.ok()) return again.status();
    if (*first != *again) return absl::InvalidArgumentError("the two passwords differ");
    password = *std::move(first);
  } else {
    std::optional<std::string> line = ReadLine();
    if (!line.has_value()) {
      return absl::InvalidArgumentError(
          "no password on stdin: give it as the first line (or run in a terminal)");
    }
    password = *std::move(line);
  }
  if (absl::Status s = server::auth::CheckNewPassword(password); !s.ok()) return s;
  return password;
}

void Audit(store::Store& store, std::string_view action, const store::UserAccount& user,
           std::string detail) {
  store::AuditEntry entry;
  entry.who = OsUser();
  entry.action = std::string(action);
  entry.target = fmt::format("user {}", user.id);
  entry.detail = std::move(detail);
  entry.client = "command line";
  if (absl::StatusOr<std::int64_t> id = store.AppendAudit(entry); !id.ok()) {
    std::cerr << "treatywatch: the change is made, but the audit log refused it: "
              << id.status().message() << "\n";
  }
}

void Report(CliContext& context, const store::UserAccount& user, std::string_view what) {
  if (context.json) return context.PrintJson(server::auth::UserJson(user));
  std::cout << fmt::format("{} user {} ({}{})\n", what, user.name, user.role,
                           user.disabled ? ", disabled" : "");
}

void RunAdd(const UserArgs& args, CliContext& context) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  // Checked before the password is asked for, so nobody types one for nothing.
  if (absl::Status s = store::CheckUserName(args.name); !s.ok()) return context.Fail(s);
  if (!server::ParseRole(args.role).has_value()) {
    return context.Fail(absl::InvalidArgumentError(
        fmt::format("role '{}' is not one of viewer, analyst, editor, admin", args.role)));
  }
  absl::StatusOr<std::optional<store::UserAccount>> taken = (*store)->FindUser(args.name);
  if (!taken.ok()) return context.Fail(taken.status());
  if (taken->has_value()) {
    return context.Fail(absl::AlreadyExistsError(
        fmt::format("a user named '{}' exists already", (*taken)->name)));
  }
  absl::StatusOr<std::int64_t> before = (*store)->CountUsers();
  if (!before.ok()) return context.Fail(before.status());
  absl::StatusOr<std::string> password = ReadNewPassword(args.name);
  if (!password.ok()) return context.Fail(password.status());
  absl::StatusOr<store::UserAccount> user =
      server::auth::CreateAccount(**store, args.name, args.role, *password);
  if (!user.ok()) return context.Fail(user.status());
  Audit(**store, "user.add", *user, fmt::format("name={} role={}", user->name, user->role));
  Report(context, *user, "added");
  if (*before == 0 && !context.json) {
    std::cerr << "treatywatch: this is the first account: restart `treatywatch serve` to "
                 "require logins (it then also listens beyond 127.0.0.1 if you ask it to)\n";
  }
}

void RunList(CliContext& context) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<std::vector<store::UserAccount>> users = (*store)->ListUsers();
  if (!users.ok()) return context.Fail(users.status());
  if (context.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const store::UserAccount& user : *users) list.push_back(server::auth::UserJson(user));
    return context.PrintJson(list);
  }
  if (users->empty()) {
    std::cout << "no user accounts: `treatywatch serve` runs for the local owner only\n";
    return;
  }
  for (const store::UserAccount& user : *users) {
    std::cout << fmt::format("{:>4}  {:<24}  {:<8}  {}{}\n", user.id, user.name, user.role,
                             user.created_at, user.disabled ? "  disabled" : "");
  }
}

// Applies `change` to the account named args.name and audits it.
template <typename Change>
void RunChange(const UserArgs& args, CliContext& context, std::string_view action,
               std::string_view done, const Change& change) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<store::UserAccount> user = server::auth::AccountNamed(**store, args.name);
  if (!user.ok()) return context.Fail(user.status());
  absl::StatusOr<std::string> detail = change(**store, *user);
  if (!detail.ok()) return context.Fail(detail.status());
  Audit(**store, action, *user, *detail);
  absl::StatusOr<store::UserAccount> now = server::auth::AccountWithId(**store, user->id);
  if (!now.ok()) return context.Fail(now.status());
  Report(context, *now, done);
}

}  // namespace

void RegisterUserCommand(CLI::App& app, CliContext& context) {
  CLI::App* command =
      app.add_subcommand("user", "User accounts for `serve`: add, list, passwd, role, disable");
  command->require_subcommand(1);
  auto args = std::make_shared<UserArgs>();

  CLI::App* add = command->add_subcommand(
      "add", "Add an account; the password is read from the terminal (twice) or stdin's first line");
  add->add_option("name", args->name, "User name (unique, case-insensitive)")->required();
  add->add_option("--role", args->role, "viewer, analyst, editor or admin")->required();
  add->callback([args, &context] { RunAdd(*args, context); });

  CLI::App* list = command->add_subcommand("list", "The accounts");
  list->callback([&context] { RunList(context); });

  CLI::App* passwd = command->add_subcommand(
      "passwd", "Set a new password (terminal or stdin, as for add); ends the user's sessions");
  passwd->add_option("name", args->name, "User name")->required();
  passwd->callback([args, &context] {
    RunChange(*args, context, "user.passwd", "new password for",
              [&](store::Store& store, const store::UserAccount& user)
                  -> absl::StatusOr<std::string> {
                absl::StatusOr<std::string> password = ReadNewPassword(user.name);
                if (!password.ok()) return password.status();
                absl::Status s = server::auth::ChangePassword(store, user.id, *password);
                if (!s.ok()) return s;
                return fmt::format("name={}", user.name);
              });
  });

  CLI::App* role = command->add_subcommand("role", "Change a user's role");
  role->add_option("name", args->name, "User name")->required();
  role->add_option("role", args->role, "viewer, analyst, editor or admin")->required();
  role->callback([args, &context] {
    RunChange(*args, context, "user.role", "changed",
              [&](store::Store& store, const store::UserAccount& user)
                  -> absl::StatusOr<std::string> {
                absl::Status s = server::auth::ChangeRole(store, user.id, args->role);
                if (!s.ok()) return s;
                return fmt::format("name={} role={} (was {})", user.name, args->role, user.role);
              });
  });

  CLI::App* disable =
      command->add_subcommand("disable", "Disable an account; its sessions end at once");
  disable->add_option("name", args->name, "User name")->required();
  disable->callback([args, &context] {
    RunChange(*args, context, "user.disable", "disabled",
              [](store::Store& store, const store::UserAccount& user)
                  -> absl::StatusOr<std::string> {
                absl::Status s = server::auth::SetDisabled(store, user.id, true);
                if (!s.ok()) return s;
                return fmt::format("name={}", user.name);
              });
  });

  CLI::App* enable = command->add_subcommand("enable", "Enable a disabled account again");
  enable->add_option("name", args->name, "User name")->required();
  enable->callback([args, &context] {
    RunChange(*args, context, "user.enable", "enabled",
              [](store::Store& store, const store::UserAccount& user)
                  -> absl::StatusOr<std::string> {
                absl::Status s = server::auth::SetDisabled(store, user.id, false);
                if (!s.ok()) return s;
                return fmt::format("name={}", user.name);
              });
  });
}

}  // namespace tw::cli
