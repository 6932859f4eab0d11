// `treatywatch ingest FILE|DIR...`: read, parse and store documents.
//
// All files are read and parsed before anything is written, so a bad file in a batch is
// reported and leaves the database untouched; each document is then stored in its own
// transaction, so a process killed mid-batch never leaves half a document behind.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/progress_bar.h"
#include "doc/outline.h"
#include "factcheck/evidence_reanchoring.h"
#include "ingest/document_builder.h"
#include "text/text_clip.h"

namespace tw::cli {
namespace {

// What re-anchoring found, and which fact-checks a person must now look at.
void PrintReanchoring(CliContext& context, const factcheck::ReanchoringSummary& summary) {
  std::string counts;
  for (const auto& [status, count] : summary.counts) {
    counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", count,
                          factcheck::AnchorStatusName(status));
  }
  std::cout << fmt::format("  re-anchored {} evidence quote{}: {}\n", summary.Total(),
                           summary.Total() == 1 ? "" : "s", counts);
  for (const factcheck::ReanchoringSummary::Stale& stale : summary.stale) {
    std::cout << fmt::format("  fact-check #{} needs review: evidence #{} is {}{}: “{}”\n",
                             stale.factcheck_id, stale.evidence_id,
                             context.Bold(factcheck::AnchorStatusName(stale.status)),
                             stale.status == factcheck::AnchorStatus::kChanged
                                 ? fmt::format(" ({:.0f} % similar)", std::floor(100 * stale.similarity))
                                 : "",
                             text::ClipUtf8(stale.exact, 120));
  }
  if (!summary.stale.empty()) std::cout << "  see: treatywatch claims stale\n";
}

namespace fs = std::filesystem;

struct IngestArgs {
  std::vector<std::string> inputs;
  doc::DocumentMeta meta;
  std::string author;
  bool reject_tracked_changes = false;
};

bool HasIngestibleExtension(const fs::path& path) {
  static const std::set<std::string> kExtensions = {".txt", ".md",  ".markdown", ".html",
                                                    ".htm", ".xhtml", ".docx",   ".pdf"};
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return kExtensions.count(ext) > 0;
}

// Expands directories (recursively, sorted, hidden entries skipped); files named explicitly
// are kept whatever their extension so that the reader can say what is wrong with them.
absl::StatusOr<std::vector<fs::path>> ExpandInputs(const std::vector<std::string>& inputs) {
  std::vector<fs::path> files;
  for (const std::string& input : inputs) {
    std::error_code error;
    const fs::path path(input);
    if (!fs::is_directory(path, error)) {
      files.push_back(path);
      continue;
    }
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied,
                                        error);
    if (error) return absl::PermissionDeniedError(fmt::format("{}: {}", input, error.message()));
    for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (error) return absl::UnavailableError(fmt::format("{}: {}", input, error.message()));
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file() && HasIngestibleExtension(it->path())) found.push_back(it->path());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

void RunIngest(const IngestArgs& args, CliContext& context) {
  doc::DocumentMeta meta = args.meta;
  if (!args.author.empty()) {
    std::string authors = args.author;
    std::size_t start = 0;
    while (start <= authors.size()) {
      const std::size_t comma = std::min(authors.find(',', start), authors.size());
      std::string name = authors.substr(start, comma - start);
      name.erase(0, name.find_first_not_of(' '));
      name.erase(name.find_last_not_of(' ') + 1);
      if (!name.empty()) meta.authors.push_back(name);
      start = comma + 1;
    }
  }
  if (absl::Status valid = ingest::ValidateMeta(meta); !valid.ok()) return context.Fail(valid);

  absl::StatusOr<std::vector<fs::path>> files = ExpandInputs(args.inputs);
  if (!files.ok()) return context.Fail(files.status());
  if (files->empty()) {
    return context.Fail(absl::InvalidArgumentError(
        "nothing to ingest: the folders hold no .txt, .md, .html, .docx or .pdf files"));
  }
  if (files->size() > 1 && !meta.symbol.empty()) {
    return context.Fail(absl::InvalidArgumentError(
        fmt::format("--symbol names one document, but {} files were given", files->size())));
  }

  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());

  ingest::ReadOptions options;
  if (args.reject_tracked_changes) options.tracked_changes = ingest::TrackedChanges::kReject;

  // Phase 1: read and parse everything; any error stops the batch before a write.
  std::vector<doc::Document> documents;
  std::vector<std::string> errors;
  {
    ProgressBar progress(files->size(), context.interactive && !context.json && files->size() > 1);
    for (std::size_t i = 0; i < files->size(); ++i) {
      progress.Update(i, (*files)[i].filename().string());
      absl::StatusOr<doc::Document> built = ingest::BuildDocument((*files)[i], meta, options);
      if (!built.ok()) {
        errors.emplace_back(built.status().message());
        continue;
      }
      documents.push_back(*std::move(built));
    }
    progress.Update(files->size(), "");
  }
  if (!errors.empty()) {
    for (std::size_t i = 0; i + 1 < errors.size(); ++i) std::cerr << "treatywatch: " << errors[i] << "\n";
    std::string last = errors.back();
    if (errors.size() > 1 || files->size() > 1) {
      last += fmt::format(" ({} of {} files failed; nothing was stored)", errors.size(),
                          files->size());
    }
    return context.Fail(absl::InvalidArgumentError(last));
  }

  // Phase 2: store, one transaction per document.
  nlohmann::json report = nlohmann::json::array();
  for (doc::Document& document : documents) {
    // A new version of an instrument: the evidence quoted from its earlier versions is looked
    // for in it now, so stale fact-checks show up the moment the draft arrives.
    absl::StatusOr<factcheck::StoredDocument> stored =
        factcheck::StoreDocumentAndReanchor(**store, document);
    if (!stored.ok()) {
      return context.Fail(absl::Status(
          stored.status().code(), fmt::format("{}: {}", document.meta.source_name,
                                              std::string(stored.status().message()))));
    }
    const store::PutResult* put = &stored->put;
    const std::optional<factcheck::ReanchoringSummary>& reanchoring = stored->reanchoring;
    const doc::OutlineCounts counts = doc::CountOutline(document);
    const std::string cite = document.CiteName();
    report.push_back({{"file", document.meta.source_name},
                      {"id", put->id},
                      {"symbol", document.meta.symbol},
                      {"title", document.meta.title},
                      {"status", put->already_present ? "already_present" : "ingested"},
                      {"instrument", document.meta.instrument},
                      {"version", put->version},
                      {"articles", counts.articles},
                      {"chapters", counts.chapters},
                      {"provisions", counts.provisions},
                      {"pages", document.meta.page_count},
                      {"warnings", counts.warnings}});
    if (reanchoring) report.back()["reanchoring"] = factcheck::ReanchoringJson(*reanchoring);
    if (context.json) continue;
    if (put->already_present) {
      std::cout << fmt::format("already stored: {} is document {} — nothing changed\n",
                               document.meta.source_name, put->id);
      continue;
    }
    std::string version;
    if (!document.meta.instrument.empty()) {
      version = fmt::format(", version {} of {}", put->version, document.meta.instrument);
    }
    std::cout << fmt::format("ingested {} as document {} ({}{}): {}\n",
                             document.meta.source_name, put->id, context.Bold(cite), version,
                             doc::OutlineSummary(document));
    if (counts.warnings > 0) {
      std::cout << fmt::format("  see: treatywatch show {} --warnings\n", put->id);
    }
    if (reanchoring && reanchoring->Total() > 0) PrintReanchoring(context, *reanchoring);
  }
  if (context.json) context.PrintJson(report);
}

}  // namespace

void RegisterIngestCommand(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* command = app.add_subcommand("ingest", "Read documents (txt, md, html, docx, pdf) into the database");
  command->add_option("files", args->inputs, "Files or folders to ingest")->required();
  command->add_option("--instrument", args->meta.instrument,
                      "Make each document the next version of this instrument");
  command->add_option("--symbol", args->meta.symbol, "Document symbol, e.g. A/AC.291/22");
  command->add_option("--kind", args->meta.kind,
                      "draft|final|proposal|statement|reference|analysis");
  command->add_option("--date", args->meta.date, "Date of the document, YYYY-MM-DD");
  command->add_option("--lang", args->meta.lang, "Language code (en, fr, es, ru, zh, ar)");
  command->add_option("--author", args->author, "Author actor(s), comma separated");
  command->add_option("--session", args->meta.session, "Negotiating session number");
  command->add_option("--title", args->meta.title, "Title (default: the first line)");
  command->add_flag("--reject-tracked-changes", args->reject_tracked_changes,
                    "DOCX: read the text before its tracked changes (default: accept them)");
  command->callback([args, &context] { RunIngest(*args, context); });
}

}  // namespace tw::cli
