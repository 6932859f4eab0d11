#include "compare/html_page.h"

#include <fmt/format.h>

#include <algorithm>

#include "compare/printable_text.h"

namespace tw::compare {
namespace {

// Colours were chosen for WCAG AA contrast of the text on its own background (deleted red #a1211a
// on #fdecea: 6.0:1, inserted green #11622a on #e3f3e6: 6.3:1) and stay readable printed in grey,
// where the strike-through and the underline still tell them apart.
constexpr std::string_view kReportStyle = R"css(
:root{--ink:#1b1f24;--muted:#5a616d;--rule:#d8dce2;--soft:#f6f7f9;--accent:#1f3a5f;
--del:#a1211a;--del-bg:#fdecea;--ins:#11622a;--ins-bg:#e3f3e6;--focus:#1a5fd0}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",
Roboto,"Helvetica Neue",Arial,"Liberation Sans","DejaVu Sans",sans-serif}
.page{max-width:58rem;margin:0 auto;padding:2.25rem 1.25rem 3rem}
a{color:var(--accent);text-underline-offset:.15em}
a:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
.skip-link{position:absolute;left:.75rem;top:-3rem;background:#fff;padding:.5rem .75rem;
border:2px solid var(--focus);z-index:1}
.skip-link:focus{top:.75rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);
clip-path:inset(50%);white-space:nowrap}
h1,h2,h3,h4{line-height:1.25;color:var(--accent)}
h1{font-size:1.85rem;margin:.2rem 0 1.1rem;font-weight:700;letter-spacing:-.01em}
h1,h3{overflow-wrap:anywhere}
h2{font-size:1.3rem;margin:2.6rem 0 .9rem;padding-bottom:.35rem;
border-bottom:2px solid var(--accent)}
h3{font-size:1.15rem;margin:0}
h4{font-size:.8rem;margin:1.3rem 0 .45rem;text-transform:uppercase;letter-spacing:.06em;
color:var(--muted)}
.eyebrow{margin:0;font-size:.8rem;text-transform:uppercase;letter-spacing:.09em;color:var(--muted)}
.arrow{color:var(--muted);font-weight:400;padding:0 .3em}
table{border-collapse:collapse;width:100%;font-size:.94rem}
caption{text-align:left;color:var(--muted);font-size:.85rem;padding-bottom:.4rem}
th,td{padding:.42rem .6rem;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
thead th{font-size:.78rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);
border-bottom:2px solid var(--rule)}
tbody th{font-weight:500}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.documents thead td{border-bottom:2px solid var(--rule)}
.documents th[scope=row]{width:7.5rem;color:var(--muted);font-weight:500}
.lede{font-size:1.08rem;margin:1.3rem 0 0;padding:.9rem 1.1rem;background:var(--soft);
border-left:4px solid var(--accent)}
.summary-grid{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:2rem;
align-items:start}
.legend{margin:0;padding:1rem 1.1rem;border:1px solid var(--rule);border-radius:6px;
font-size:.92rem}
.legend h3{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);
margin:0 0 .6rem}
.legend dl{margin:0}
.legend div{display:flex;gap:.7rem;align-items:baseline;margin:.35rem 0}
.legend dt{flex:0 0 6.5rem}
.legend dd{margin:0;color:var(--muted)}
del+ins,ins+del{margin-left:.2em}
del,ins{text-decoration-thickness:.09em;border-radius:2px;padding:0 .06em;
-webkit-box-decoration-break:clone;box-decoration-break:clone}
del{color:var(--del);background:var(--del-bg);text-decoration-line:line-through}
ins{color:var(--ins);background:var(--ins-bg);text-decoration-line:underline;
text-underline-offset:.17em}
del::before,del::after,ins::before,ins::after{position:absolute;width:1px;height:1px;
overflow:hidden;clip-path:inset(50%);white-space:nowrap}
del::before{content:" [deleted: "}ins::before{content:" [inserted: "}
del::after,ins::after{content:"] "}
.pilcrow{font-weight:700;padding:0 .15em}
.toc{margin:0;padding-left:1.6rem;columns:2 22rem;column-gap:2.5rem}
.toc li{margin:.2rem 0;break-inside:avoid}
.toc .toc-heading{color:var(--ink)}
.toc .toc-kinds{display:block;font-size:.8rem;color:var(--muted)}
.change{margin:1.6rem 0;border:1px solid var(--rule);border-left:5px solid var(--kind,#8a93a3);
border-radius:6px;padding:1.1rem 1.3rem 1.2rem;scroll-margin-top:1rem}
.change>header{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:baseline;
justify-content:space-between}
.unit-heading{font-weight:400;color:var(--ink)}
.badges{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.35rem}
.badge{display:inline-block;font-size:.72rem;font-weight:600;letter-spacing:.05em;
text-transform:uppercase;padding:.12rem .5rem;border-radius:999px;color:var(--fg,#3d4450);
background:var(--bg,#eceff3);border:1px solid currentColor}
.k-unchanged{--fg:#3d4450;--bg:#eceff3;--kind:#8a93a3}
.k-renumbering{--fg:#1d3f8f;--bg:#e8eefc;--kind:#3f63c2}
.k-substitution{--fg:#7a4300;--bg:#fff3df;--kind:#d18a1d}
.k-move{--fg:#5b2a86;--bg:#f2ebfa;--kind:#7e4db3}
.k-split,.k-join{--fg:#0d5757;--bg:#e2f3f3;--kind:#1f8a8a}
.k-insertion{--fg:#11622a;--bg:#e3f3e6;--kind:#2f8f4e}
.k-repeal{--fg:#a1211a;--bg:#fdecea;--kind:#c2372f}
.story{margin:.7rem 0 0}
.facts{display:flex;flex-wrap:wrap;gap:.3rem 1.6rem;margin:.7rem 0 0;font-size:.88rem}
.facts div{display:flex;gap:.4rem}
.facts dt{color:var(--muted)}
.facts dd{margin:0}
.redline{margin:1rem 0 0;padding:.9rem 1.1rem;background:#fcfcfd;border:1px solid var(--rule);
border-radius:4px;font-family:Georgia,"Times New Roman","Liberation Serif","DejaVu Serif",serif;
font-size:1.04rem;line-height:1.7;overflow-wrap:anywhere}
.redline p{margin:0 0 .55rem}
.redline p:last-child{margin-bottom:0}
.redline .line-heading{font-weight:700;text-align:center}
.redline .line-point{padding-left:2.2em}
.no-text{margin:1rem 0 0;color:var(--muted);font-style:italic}
.brackets{list-style:none;margin:0;padding:0}
.brackets li{margin:.3rem 0}
.bracket-kind{font-weight:600}
.b-agreed{color:var(--ins)}.b-dropped{color:var(--del)}.b-disputed,.b-added{color:#7a4300}
.where{color:var(--muted);font-size:.88rem;white-space:nowrap}
q{font-family:Georgia,"Times New Roman","Liberation Serif","DejaVu Serif",serif}
.moved-stub{margin:1.2rem 0;padding:.6rem 1rem;border:1px dashed #9c86bd;border-radius:6px;
background:#faf7fd;color:var(--muted);font-size:.92rem;scroll-margin-top:1rem}
.moved-stub p{margin:0}
.compact{margin:0}
footer{margin-top:3rem;padding-top:1rem;border-top:1px solid var(--rule);color:var(--muted);
font-size:.85rem}
@media (max-width:40rem){.page{padding:1.25rem .9rem 2rem}h1{font-size:1.45rem}
.summary-grid{grid-template-columns:1fr;gap:1.2rem}.change{padding:.9rem .9rem 1rem}
.redline{padding:.7rem .75rem;font-size:1rem}.redline .line-point{padding-left:1.2em}}
@media print{@page{margin:16mm 15mm}
body{font-size:10pt}.page{max-width:none;padding:0}.skip-link{display:none}
a{color:inherit;text-decoration:none}h2{break-after:avoid}
.change>header,.change .facts{break-after:avoid}.change,.moved-stub{break-inside:auto}
tr,.brackets li{break-inside:avoid}.redline p{orphans:3;widows:3}
.redline{background:none}
del,ins,.badge,.lede,.change{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.toc{columns:2}}
)css";

}  // namespace

std::string Esc(std::string_view raw) { return EscapeMarkup(raw); }

// Spaces at the ends of an inserted or deleted run stay outside its element: the same text,
// without underlined or struck blanks.
void AppendRedlineRuns(const std::vector<DiffOp>& runs, std::string& out) {
  for (const DiffOp& run : runs) {
    if (run.op == OpKind::kEqual) {
      out += Esc(run.text);
      continue;
    }
    const std::string_view text = run.text;
    const std::size_t first = std::min(text.find_first_not_of(' '), text.size());
    const std::size_t last = text.find_last_not_of(' ') + 1;  // 0 when all spaces
    if (last <= first) {
      out += Esc(text);
      continue;
    }
    const std::string_view tag = run.op == OpKind::kInsert ? "ins" : "del";
    out += fmt::format("{}<{}>{}</{}>{}", text.substr(0, first), tag,
                       Esc(text.substr(first, last - first)), tag, text.substr(last));
  }
}

std::string HtmlPageStart(std::string_view title, std::string_view skip_target,
                          std::string_view skip_label, std::string_view extra_style) {
  return fmt::format(
      "<!DOCTYPE html>\n"
      "<html lang=\"en\">\n"
      "<head>\n"
      "<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
      "'unsafe-inline'\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n"
      "<meta name=\"generator\" content=\"treatywatch\">\n"
      "<title>{}</title>\n"
      "<style>{}{}</style>\n"
      "</head>\n"
      "<body>\n"
      "<a class=\"skip-link\" href=\"#{}\">{}</a>\n"
      "<div class=\"page\">\n",
      Esc(title), kReportStyle, extra_style, Esc(skip_target), Esc(skip_label));
}

std::string HtmlPageEnd(std::string_view footer) {
  return fmt::format(
      "</main>\n"
      "<footer>\n"
      "<p>{}</p>\n"
      "</footer>\n"
      "</div>\n"
      "</body>\n"
      "</html>\n",
      Esc(footer));
}

std::string HtmlIdPart(std::string_view path) {
  constexpr std::size_t kMaxIdPart = 48;
  std::string out;
  for (char c : path) {
    if (out.size() >= kMaxIdPart) break;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace tw::compare
