#include "negotiation/matrix_report.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "compare/html_page.h"
#include "negotiation/negotiation_json.h"
#include "text/csv_field.h"

namespace tw::negotiation {
namespace {

using compare::Esc;

// Stance colours: support green, oppose red, amend amber, reserve violet, neutral grey; each
// with a letter, so the matrix reads without colour (WCAG: colour is never the only signal).
constexpr std::string_view kMatrixStyle = R"css(
.matrix-wrap{overflow:auto;max-height:80vh;border:1px solid var(--rule);border-radius:6px}
.matrix{font-size:.75rem;width:auto;border-collapse:separate;border-spacing:1px}
.matrix th,.matrix td{padding:.1rem .25rem;border:0;text-align:center;white-space:nowrap}
.matrix thead th{position:sticky;top:0;background:#fff;font-size:.7rem;text-transform:none;
letter-spacing:0;vertical-align:bottom;z-index:1}
.matrix tbody th{position:sticky;left:0;background:#fff;text-align:left;font-weight:500}
.matrix td{min-width:1.6rem;font-weight:700}
.s-support{background:#d7efdd;color:#11622a}.s-oppose{background:#f9d7d3;color:#8f1d16}
.s-amend{background:#fff1d6;color:#7a4300}.s-reserve{background:#ece3f7;color:#5b2a86}
.s-neutral{background:#eceff3;color:#3d4450}.s-none{background:var(--soft)}
.bloc-start th,.bloc-start td{border-top:2px solid var(--accent)}
.agree{color:#1b1f24;font-weight:500}
.key{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;list-style:none;padding:0;font-size:.85rem}
.key span{display:inline-block;min-width:1.4rem;text-align:center;font-weight:700;margin-right:.3rem}
)css";

constexpr std::string_view kStances[] = {"support", "oppose", "amend", "reserve", "neutral"};

char StanceLetter(Stance stance) {
  switch (stance) {
    case Stance::kSupport: return 'S';
    case Stance::kOppose: return 'O';
    case Stance::kAmend: return 'A';
    case Stance::kReserve: return 'R';
    case Stance::kNeutral: return 'N';
  }
  return '?';
}

// Row indices of `ids` in display order: `order` first, the rest in their own order.
std::vector<std::size_t> DisplayRows(const std::vector<std::string>& ids,
                                     const std::vector<std::string>& order) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < ids.size(); ++i) index[ids[i]] = i;
  std::vector<std::size_t> rows;
  std::set<std::size_t> placed;
  for (const std::string& id : order) {
    auto found = index.find(id);
    if (found != index.end() && placed.insert(found->second).second) rows.push_back(found->second);
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (placed.count(i) == 0) rows.push_back(i);
  }
  return rows;
}

// Actor id → 1-based bloc number (0: in no bloc of two or more).
std::map<std::string, int> BlocOf(const Clustering& clustering) {
  std::map<std::string, int> bloc;
  for (std::size_t b = 0; b < clustering.blocs.size(); ++b) {
    for (const std::string& id : clustering.blocs[b].actors) bloc[id] = static_cast<int>(b) + 1;
  }
  return bloc;
}

// Blocs of two or more: a lone actor is "in no bloc".
std::size_t SharedBlocs(const Clustering& clustering) {
  return static_cast<std::size_t>(std::count_if(
      clustering.blocs.begin(), clustering.blocs.end(),
      [](const Bloc& bloc) { return bloc.actors.size() > 1; }));
}

std::string Percent(double value) {
  if (std::isnan(value)) return "—";
  return fmt::format("{:.0f}", 100 * value);
}

}  // namespace

std::string RenderPositionsText(const StanceMatrix& stances, const std::vector<std::string>& order,
                                const ActorRegistry& actors) {
  std::string out = "S support, O oppose, A amend, R reserve, N neutral, . no position\n";
  std::size_t width = 5;
  for (const std::string& id : stances.actors) width = std::max(width, ActorName(actors, id).size());
  width = std::min<std::size_t>(width, 32);
  for (std::size_t s = 0; s < stances.subjects.size(); ++s) {
    out += fmt::format("{:>{}}  {}: {}\n", "", width, s + 1, stances.subjects[s]);
  }
  out += fmt::format("{:<{}} ", "", width);
  for (std::size_t s = 0; s < stances.subjects.size(); ++s) out += fmt::format("{:>3}", s + 1);
  out += "\n";
  for (std::size_t row : DisplayRows(stances.actors, order)) {
    std::string name = ActorName(actors, stances.actors[row]);
    if (name.size() > width) name = name.substr(0, width);
    out += fmt::format("{:<{}} ", name, width);
    for (std::size_t s = 0; s < stances.subjects.size(); ++s) {
      const auto& stance = stances.at(row, s);
      out += fmt::format("{:>3}", stance ? StanceLetter(*stance) : '.');
    }
    out += "\n";
  }
  return out;
}

std::string RenderPositionsCsv(const StanceMatrix& stances, const std::vector<std::string>& order,
                               const ActorRegistry& actors) {
  std::string out = "actor,name";
  for (const std::string& subject : stances.subjects) out += "," + text::SafeCsvField(subject);
  out += "\r\n";
  for (std::size_t row : DisplayRows(stances.actors, order)) {
    out += text::SafeCsvField(stances.actors[row]) + "," + text::SafeCsvField(ActorName(actors, stances.actors[row]));
    for (std::size_t s = 0; s < stances.subjects.size(); ++s) {
      const auto& stance = stances.at(row, s);
      out += ",";
      if (stance) out += StanceName(*stance);
    }
    out += "\r\n";
  }
  return out;
}

std::string RenderPositionsHtml(const StanceMatrix& stances, const Clustering& clustering,
                                const ActorRegistry& actors) {
  std::string out = compare::HtmlPageStart("Positions matrix", "matrix", "Skip to the matrix",
                                           kMatrixStyle);
  out += fmt::format(
      "<header>\n<p class=\"eyebrow\">treatywatch positions</p>\n<h1>Positions matrix</h1>\n"
      "<p class=\"lede\">{} actors × {} provisions and topics; each actor's latest stance. Rows "
      "are ordered by coalition, so actors that agree sit together; {} blocs.</p>\n</header>\n"
      "<main id=\"matrix\">\n<ul class=\"key\">",
      stances.actors.size(), stances.subjects.size(), SharedBlocs(clustering));
  for (std::string_view stance : kStances) {
    Stance parsed = Stance::kNeutral;
    ParseStance(stance, &parsed);
    out += fmt::format("<li><span class=\"s-{}\">{}</span>{}</li>", stance, StanceLetter(parsed),
                       stance);
  }
  out += "<li><span class=\"s-none\">·</span>no position</li></ul>\n";
  out += "<div class=\"matrix-wrap\">\n<table class=\"matrix\">\n<thead><tr><th scope=\"col\">"
         "Actor</th><th scope=\"col\">Bloc</th>";
  for (const std::string& subject : stances.subjects) {
    out += fmt::format("<th scope=\"col\">{}</th>", Esc(subject));
  }
  out += "</tr></thead>\n<tbody>\n";
  const std::map<std::string, int> bloc_of = BlocOf(clustering);
  int previous_bloc = -1;
  for (std::size_t row : DisplayRows(stances.actors, clustering.order)) {
    const std::string& id = stances.actors[row];
    const auto bloc = bloc_of.find(id);
    const int number = bloc == bloc_of.end() ? 0 : bloc->second;
    out += fmt::format("<tr{}><th scope=\"row\">{}</th><td>{}</td>",
                       number != previous_bloc && previous_bloc != -1 ? " class=\"bloc-start\"" : "",
                       Esc(ActorName(actors, id)), number == 0 ? "—" : std::to_string(number));
    previous_bloc = number;
    for (std::size_t s = 0; s < stances.subjects.size(); ++s) {
      const auto& stance = stances.at(row, s);
      if (!stance) {
        out += "<td class=\"s-none\" aria-label=\"no position\">·</td>";
        continue;
      }
      out += fmt::format("<td class=\"s-{0}\" title=\"{1}: {0}\" aria-label=\"{0}\">{2}</td>",
                         StanceName(*stance), Esc(stances.subjects[s]), StanceLetter(*stance));
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n</div>\n";
  return out + compare::HtmlPageEnd("Positions matrix by treatywatch: each actor's latest "
                                    "recorded stance. Every stance with its date and source: "
                                    "treatywatch position matrix --format csv --history.");
}

std::string RenderCoalitionsText(const AgreementMatrix& agreement, const Clustering& clustering,
                                 const ActorRegistry& actors) {
  int blocs = 0;
  std::vector<std::string> alone;
  for (const Bloc& bloc : clustering.blocs) {
    if (bloc.actors.size() > 1) {
      ++blocs;
    } else {
      for (const std::string& id : bloc.actors) alone.push_back(ActorName(actors, id));
    }
  }
  std::string out = fmt::format("{} blocs among {} actors (average-linkage clustering of "
                                "pairwise agreement)\n",
                                blocs, agreement.actors.size());
  for (std::size_t b = 0; b < clustering.blocs.size(); ++b) {
    const Bloc& bloc = clustering.blocs[b];
    if (bloc.actors.size() < 2) continue;
    std::vector<std::string> names;
    for (const std::string& id : bloc.actors) names.push_back(ActorName(actors, id));
    std::sort(names.begin(), names.end());  // a reader looks names up alphabetically
    out += fmt::format("  bloc {} ({} actors, cohesion {}%): {}\n", b + 1, bloc.actors.size(),
                       Percent(bloc.cohesion), fmt::join(names, ", "));
  }
  if (!alone.empty()) {
    out += fmt::format("  in no bloc ({}): {}\n", alone.size(), fmt::join(alone, ", "));
  }
  return out;
}

std::string RenderAgreementCsv(const AgreementMatrix& agreement, const Clustering& clustering,
                               const ActorRegistry& actors) {
  const std::vector<std::size_t> rows = DisplayRows(agreement.actors, clustering.order);
  std::string out = "actor";
  for (std::size_t col : rows) out += "," + text::SafeCsvField(ActorName(actors, agreement.actors[col]));
  out += "\r\n";
  for (std::size_t row : rows) {
    out += text::SafeCsvField(ActorName(actors, agreement.actors[row]));
    for (std::size_t col : rows) {
      const double value = agreement.at(row, col);
      out += "," + (std::isnan(value) ? std::string() : fmt::format("{:.3f}", value));
    }
    out += "\r\n";
  }
  return out;
}

std::string RenderCoalitionsHtml(const AgreementMatrix& agreement, const Clustering& clustering,
                                 const ActorRegistry& actors) {
  std::string out = compare::HtmlPageStart("Coalitions", "blocs", "Skip to the blocs", kMatrixStyle);
  out += fmt::format(
      "<header>\n<p class=\"eyebrow\">treatywatch coalitions</p>\n<h1>Coalitions</h1>\n"
      "<p class=\"lede\">{} blocs among {} actors, from stated positions and recorded votes. "
      "Agreement is the share of common provisions, topics and votes on which two actors "
      "stand alike (100 = always).</p>\n</header>\n<main id=\"blocs\">\n<h2>Blocs</h2>\n<ol>\n",
      SharedBlocs(clustering), agreement.actors.size());
  std::vector<std::string> alone;
  for (const Bloc& bloc : clustering.blocs) {
    std::vector<std::string> names;
    for (const std::string& id : bloc.actors) names.push_back(ActorName(actors, id));
    std::sort(names.begin(), names.end());  // a reader looks names up alphabetically
    if (bloc.actors.size() < 2) {
      alone.insert(alone.end(), names.begin(), names.end());
      continue;
    }
    out += fmt::format("<li><strong>{} actors</strong>, cohesion {}%: {}</li>\n", bloc.actors.size(),
                       Percent(bloc.cohesion), Esc(fmt::format("{}", fmt::join(names, ", "))));
  }
  out += "</ol>\n";
  if (!alone.empty()) {
    out += fmt::format("<p>In no bloc ({}): {}</p>\n", alone.size(),
                       Esc(fmt::format("{}", fmt::join(alone, ", "))));
  }
  out += "<h2>Agreement matrix</h2>\n<div class=\"matrix-wrap\">\n<table class=\"matrix\">\n"
         "<thead><tr><th scope=\"col\">Actor</th>";
  const std::vector<std::size_t> rows = DisplayRows(agreement.actors, clustering.order);
  for (std::size_t col : rows) {
    out += fmt::format("<th scope=\"col\">{}</th>", Esc(agreement.actors[col]));
  }
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t row : rows) {
    out += fmt::format("<tr><th scope=\"row\">{}</th>", Esc(ActorName(actors, agreement.actors[row])));
    for (std::size_t col : rows) {
      const double value = agreement.at(row, col);
      if (std::isnan(value)) {
        out += "<td class=\"s-none\">·</td>";
        continue;
      }
      // Green for agreement, red for disagreement; the number says it either way.
      const int hue = static_cast<int>(std::lround(120 * value));
      out += fmt::format("<td class=\"agree\" style=\"background:hsl({},60%,85%)\">{}</td>", hue,
                         Percent(value));
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n</div>\n";
  return out + compare::HtmlPageEnd("Coalitions by treatywatch.");
}

}  // namespace tw::negotiation
