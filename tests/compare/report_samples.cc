#include "report_samples.h"

#include <cmath>
#include <string>
#include <utility>

namespace tw::compare::testing {
namespace {

DiffOp Eq(std::string text) { return {OpKind::kEqual, std::move(text)}; }
DiffOp Ins(std::string text) { return {OpKind::kInsert, std::move(text)}; }
DiffOp Del(std::string text) { return {OpKind::kDelete, std::move(text)}; }

constexpr const char* kChapterI = "Chapter I General provisions";
constexpr const char* kChapterII = "Chapter II Criminalization";
constexpr const char* kChapterIII = "Chapter III Jurisdiction";

ArticleChange Unit(ChangeKind kind, std::string old_num, std::string new_num, int old_position,
                   int new_position) {
  ArticleChange change;
  change.kind = kind;
  if (!old_num.empty()) {
    change.old_paths = {"art" + old_num};
    change.old_citation = "Art. " + old_num;
  }
  if (!new_num.empty()) {
    change.new_paths = {"art" + new_num};
    change.new_citation = "Art. " + new_num;
  }
  change.old_num = std::move(old_num);
  change.new_num = std::move(new_num);
  change.old_position = old_position;
  change.new_position = new_position;
  return change;
}

}  // namespace

Comparison SampleComparison() {
  Comparison c;
  c.old_doc = {0, "A/AC.291/22", "Draft United Nations convention against cybercrime", "2023-05-29",
               3};
  c.new_doc = {0, "A/AC.291/22/Rev.1", "Draft United Nations convention against cybercrime",
               "2023-11-06", 4};
  c.summary = {7, 7, 0, 4, 3, 1, 1, 1, 1, 1, 3, 3, 17.6};

  ArticleChange preamble = Unit(ChangeKind::kUnchanged, "", "", 0, 0);
  preamble.old_paths = preamble.new_paths = {"preamble"};
  preamble.old_citation = preamble.new_citation = "Preamble";
  preamble.words_old = preamble.words_new = 212;
  c.changes.push_back(preamble);

  ArticleChange terms = Unit(ChangeKind::kSubstitution, "1", "1", 1, 1);
  terms.text_changed = true;
  terms.old_heading = terms.new_heading = "Use of terms";
  terms.old_chapter = terms.new_chapter = kChapterI;
  terms.similarity = 0.71;
  terms.ops = {
      Eq("Use of terms\nFor the purposes of this Convention:\n(a) \u201CInformation and "
         "communications technology system\u201D shall mean any device or group of "
         "interconnected "),
      Ins("or related "),
      Eq("devices"),
      Ins(", one or more of which processes electronic data"),
      Eq(";\n(b) \u201C"),
      Del("["),
      Eq("Serious crime"),
      Del("]"),
      Eq("\u201D shall mean conduct constituting an offence punishable by a maximum deprivation "
         "of liberty of at least four years"),
      Ins(" or a more serious penalty"),
      Eq(";"),
      Ins("\n(c) \u201CElectronic data\u201D shall mean any representation of facts suitable for "
          "processing in an information and communications technology system."),
  };
  terms.words_old = 45;
  terms.words_new = 80;
  terms.words_inserted = 35;
  terms.brackets = {{BracketChangeKind::kAgreed, "Serious crime", "art1.b", "art1.b"}};
  terms.provisions = {
      {ChangeKind::kSubstitution, {"art1.a"}, {"art1.a"}, "a", "a", 0.82, {}},
      {ChangeKind::kSubstitution, {"art1.b"}, {"art1.b"}, "b", "b", 0.9, {}},
      {ChangeKind::kInsertion, {}, {"art1.c"}, "", "c", 0, {}},
  };
  c.changes.push_back(terms);

  ArticleChange relationship = Unit(ChangeKind::kRepeal, "2", "", 2, -1);
  relationship.old_heading = "Relationship with other instruments";
  relationship.old_chapter = kChapterI;
  relationship.similarity = 0;
  relationship.ops = {
      Del("Relationship with other instruments\n1. [Nothing in this Convention shall affect the "
          "rights and obligations of States Parties under other international agreements.]\n2. "
          "This article is without prejudice to regional arrangements.")};
  relationship.words_old = 28;
  relationship.words_deleted = 28;
  relationship.brackets = {{BracketChangeKind::kDropped,
                            "Nothing in this Convention shall affect the rights and obligations "
                            "of States Parties under other international agreements.",
                            "art2.p1", ""}};
  c.changes.push_back(relationship);

  ArticleChange scope = Unit(ChangeKind::kRenumbering, "3", "2", 3, 2);
  scope.renumbered = true;
  scope.old_heading = scope.new_heading = "Scope of application";
  scope.old_chapter = scope.new_chapter = kChapterI;
  scope.words_old = scope.words_new = 41;
  c.changes.push_back(scope);

  ArticleChange rights = Unit(ChangeKind::kInsertion, "", "3", -1, 3);
  rights.new_heading = "Respect for human rights";
  rights.new_chapter = kChapterI;
  rights.similarity = 0;
  rights.ops = {
      Ins("Respect for human rights\nStates Parties shall ensure that the implementation of their "
          "obligations under this Convention is consistent with their obligations under "
          "international human rights law [and the rule of law].")};
  rights.words_new = 30;
  rights.words_inserted = 30;
  rights.brackets = {{BracketChangeKind::kAdded, "and the rule of law", "", "art3"}};
  c.changes.push_back(rights);

  ArticleChange access = Unit(ChangeKind::kSplit, "5", "4", 5, 4);
  access.text_changed = true;
  access.renumbered = true;
  access.new_paths = {"art4", "art5"};
  access.new_num = "4, 5";
  access.new_citation = "Arts. 4 and 5";
  access.old_heading = "Illegal access and interception";
  access.new_heading = "Illegal access";
  access.old_chapter = access.new_chapter = kChapterII;
  access.similarity = 0.93;
  access.ops = {
      Eq("Illegal access"),
      Del(" and interception"),
      Eq("\n1. Each State Party shall establish as a criminal offence, when committed "
         "intentionally and without right, the access to the whole or any part of an information "
         "and communications technology system.\n"),
      Del("2."),
      Ins("Illegal interception\n1."),
      Eq(" Each State Party shall establish as a criminal offence, when committed intentionally "
         "and without right, the interception, made by technical means, of non-public "
         "transmissions of electronic data."),
  };
  access.words_old = 64;
  access.words_new = 65;
  access.words_deleted = 3;
  access.words_inserted = 4;
  access.provisions = {{ChangeKind::kRenumbering, {"art5.p2"}, {"art5.p1"}, "2", "1", 1.0, {}}};
  c.changes.push_back(access);

  ArticleChange devices = Unit(ChangeKind::kJoin, "6", "6", 6, 6);
  devices.text_changed = true;
  devices.old_paths = {"art6", "art7"};
  devices.old_num = "6, 7";
  devices.old_citation = "Arts. 6 and 7";
  devices.old_heading = devices.new_heading = "Misuse of devices";
  devices.old_chapter = devices.new_chapter = kChapterII;
  devices.similarity = 0.8;
  devices.ops = {
      Eq("Misuse of devices\n1. Each State Party shall establish as a criminal offence the "
         "production, sale or distribution of a device designed primarily for the purpose of "
         "committing an offence under articles 4 and 5"),
      Del(".\nOffences relating to passwords\n1. Each State Party shall establish as a criminal "
          "offence the sale or distribution"),
      Ins(", or"),
      Eq(" of a password by which an information and communications technology system is "
         "capable of being accessed."),
  };
  devices.words_old = 62;
  devices.words_new = 45;
  devices.words_deleted = 18;
  devices.words_inserted = 2;
  c.changes.push_back(devices);

  ArticleChange jurisdiction = Unit(ChangeKind::kMove, "4", "7", 4, 7);
  jurisdiction.moved = true;
  jurisdiction.renumbered = true;
  jurisdiction.text_changed = true;
  jurisdiction.old_heading = jurisdiction.new_heading = "Jurisdiction";
  jurisdiction.old_chapter = kChapterI;
  jurisdiction.new_chapter = kChapterIII;
  jurisdiction.similarity = 0.78;
  jurisdiction.ops = {
      Eq("Jurisdiction\n1. Each State Party shall adopt such measures as may be necessary to "
         "establish its jurisdiction over the offences established in accordance with "),
      Del("this Convention"),
      Ins("articles 4 to 6"),
      Eq(" "),
      Ins("["),
      Eq("when the offence is committed in its territory"),
      Ins("] or on board a vessel flying its flag"),
      Eq("."),
  };
  jurisdiction.words_old = 33;
  jurisdiction.words_new = 42;
  jurisdiction.words_deleted = 2;
  jurisdiction.words_inserted = 11;
  jurisdiction.brackets = {{BracketChangeKind::kDisputed,
                            "when the offence is committed in its territory", "art4.p1",
                            "art7.p1"}};
  jurisdiction.provisions = {
      {ChangeKind::kSubstitution, {"art4.p1"}, {"art7.p1"}, "1", "1", 0.78, {}}};
  c.changes.push_back(jurisdiction);

  ArticleChange closing = Unit(ChangeKind::kUnchanged, "", "", 8, 8);
  closing.old_paths = closing.new_paths = {"closing"};
  closing.old_citation = closing.new_citation = "Final clause";
  closing.words_old = closing.words_new = 25;
  c.changes.push_back(closing);

  c.migrations = {{ChangeKind::kMove, {"art5.p2"}, {"art5.p1"}, "2", "1", 0.97, {}}};
  return c;
}

Comparison HostileComparison() {
  Comparison c;
  c.old_doc = {1, "<script>alert('old')</script>", "Draft & \"quoted\" 'text' \x01\xff",
               "2024-13-45", 1};
  c.new_doc = {2, "A/AC.291/</title><script>x</script>", "<img src=x onerror=alert(1)>",
               "2024-02-10", 2};
  c.summary = {2, 3, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 1e300};

  ArticleChange first = Unit(ChangeKind::kSubstitution, "1", "1", 0, 0);
  first.text_changed = true;
  first.old_heading = first.new_heading = "<b>Bold</b> & \"q\"";
  first.old_chapter = "Chapter </h2><script>";
  first.new_chapter = "Chapter & \"II\"";
  first.similarity = 0.5;
  first.ops = {
      Eq("<b>Bold</b> & \"q\"\n1. Text with control\x01\x02 chars\x7f and \xff invalid "
         "\xEF\xBF\xBF bytes"),
      Del(" *stars* _under_ [link](javascript:alert(1)) `code` | pipe"),
      Ins(" ~~tilde~~ <img src=x onerror=alert(1)> &amp; ]]> \t tab"),
      Eq("\n# not a heading\n1. not a list\n- not a bullet"),
      Ins("\n> not a quote\n    not code"),
  };
  first.brackets = {{BracketChangeKind::kAgreed, "<i>x</i> & ]]>", "art1.p1\"><b>", "art1.p1"}};
  first.provisions = {
      {ChangeKind::kSubstitution, {"art1.p1<script>"}, {"art1.p1"}, "1", "1", std::nan(""), {}},
      {ChangeKind::kSubstitution, {"art1.p2"}, {"art1.p2"}, "2", "2", 0.004, {}}};
  c.changes.push_back(first);

  ArticleChange inserted = Unit(ChangeKind::kInsertion, "", "3", -1, 1);
  inserted.ops = {Ins("Inserted\x0b text\n(a) point\twith a tab")};
  c.changes.push_back(inserted);

  ArticleChange moved = Unit(ChangeKind::kMove, "", "", 1, 2);
  moved.moved = moved.renumbered = true;
  moved.old_paths = {"art2<x>"};
  moved.new_paths = {"art9\"'"};
  moved.old_citation = "Art. 2 <x>";
  moved.new_citation = "Art. 9 \"'";
  moved.ops = {Eq("Moved text & <more>")};
  c.changes.push_back(moved);

  ArticleChange twin = Unit(ChangeKind::kUnchanged, "", "", 2, 3);
  twin.old_paths = twin.new_paths = {"ART1"};
  twin.old_citation = twin.new_citation = "Art. 1 (twin)";
  c.changes.push_back(twin);

  c.migrations = {{ChangeKind::kMove, {"art1.p9"}, {"art9\"'.p1"}, "9", "1", 0.5, {}}};
  return c;
}

Comparison ShuffledComparison() {
  Comparison c;
  c.old_doc.cite = "Draft 1";
  c.new_doc.cite = "Draft 2";
  c.summary = {5, 5, 2, 1, 0, 3, 0, 0, 0, 0, 0, 0, 2.5};
  auto unit = [&c](std::string num, int old_position, int new_position, bool moved) {
    ArticleChange change = Unit(moved ? ChangeKind::kMove : ChangeKind::kUnchanged, num, num,
                                old_position, new_position);
    change.moved = moved;
    change.old_heading = change.new_heading = "Heading " + num;
    c.changes.push_back(change);
    return &c.changes.back();
  };
  unit("5", 4, 0, true)->ops = {Eq("Heading 5\nText five.")};
  unit("2", 1, 1, true)->ops = {Eq("Heading 2\nText "), Del("two"), Ins("2"), Eq(".")};
  unit("1", 0, 2, true);
  unit("3", 2, 3, false);
  unit("4", 3, 4, false);
  return c;
}

}  // namespace tw::compare::testing
