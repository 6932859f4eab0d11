// The demo negotiation's drafts against the ground truth written by hand in demo/CHANGES.md
// (every row there was checked word by word against the draft texts).
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "compare/compare.h"
#include "ingest/document_builder.h"

namespace tw::compare {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Field;

doc::Document LoadDraft(const std::string& name) {
  const std::filesystem::path path = std::filesystem::path(TW_SOURCE_DIR) / "demo" / name;
  absl::StatusOr<doc::Document> document =
      ingest::BuildDocument(path, doc::DocumentMeta{}, ingest::ReadOptions{});
  EXPECT_TRUE(document.ok()) << document.status();
  return document.ok() ? *std::move(document) : doc::Document{};
}

class DemoDraftsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    d1_ = new doc::Document(LoadDraft("draft1.txt"));
    d2_ = new doc::Document(LoadDraft("draft2.txt"));
    d3_ = new doc::Document(LoadDraft("draft3.txt"));
    d1_d2_ = new Comparison(CompareDocuments(*d1_, *d2_));
    d2_d3_ = new Comparison(CompareDocuments(*d2_, *d3_));
  }
  static void TearDownTestSuite() {
    delete d1_d2_;
    delete d2_d3_;
    delete d1_;
    delete d2_;
    delete d3_;
  }

  // The change whose old (or, for an insertion, new) paths are exactly these.
  static const ArticleChange& ByOld(const Comparison& comparison, std::vector<std::string> old_paths) {
    for (const ArticleChange& change : comparison.changes) {
      if (change.old_paths == old_paths) return change;
    }
    ADD_FAILURE() << "no change with old paths " << ::testing::PrintToString(old_paths);
    static const ArticleChange kNone;
    return kNone;
  }
  static const ArticleChange& ByNew(const Comparison& comparison, std::vector<std::string> new_paths) {
    for (const ArticleChange& change : comparison.changes) {
      if (change.new_paths == new_paths) return change;
    }
    ADD_FAILURE() << "no change with new paths " << ::testing::PrintToString(new_paths);
    static const ArticleChange kNone;
    return kNone;
  }

  static doc::Document* d1_;
  static doc::Document* d2_;
  static doc::Document* d3_;
  static Comparison* d1_d2_;
  static Comparison* d2_d3_;
};

doc::Document* DemoDraftsTest::d1_ = nullptr;
doc::Document* DemoDraftsTest::d2_ = nullptr;
doc::Document* DemoDraftsTest::d3_ = nullptr;
Comparison* DemoDraftsTest::d1_d2_ = nullptr;
Comparison* DemoDraftsTest::d2_d3_ = nullptr;

struct ArticleRow {
  std::vector<std::string> old_paths;
  std::vector<std::string> new_paths;
  ChangeKind kind;
  bool references_renumbered = false;
};

// Section 1 of demo/CHANGES.md, D1 → D2, row by row.
TEST_F(DemoDraftsTest, ZeroDraftToFirstRevisionMatchesTheHandCheckedTable) {
  const std::vector<ArticleRow> rows = {
      {{"art1"}, {"art1"}, ChangeKind::kUnchanged},
      {{"art2"}, {"art2"}, ChangeKind::kSubstitution},
      {{"art3"}, {"art3"}, ChangeKind::kSubstitution},
      {{}, {"art4"}, ChangeKind::kInsertion},
      {{"art4"}, {"art5", "art5bis"}, ChangeKind::kSplit},
      {{"art31"}, {"art6"}, ChangeKind::kMove},
      {{"art5"}, {"art7"}, ChangeKind::kSubstitution},
      {{"art6"}, {"art8"}, ChangeKind::kRenumbering},
      {{"art9"}, {"art11"}, ChangeKind::kSubstitution},
      {{"art12"}, {"art14"}, ChangeKind::kRenumbering},
      {{"art13"}, {"art15"}, ChangeKind::kRenumbering},
      {{"art15"}, {"art17"}, ChangeKind::kRenumbering, true},
      {{"art17", "art18"}, {"art19"}, ChangeKind::kJoin},
      {{"art20"}, {"art21"}, ChangeKind::kRenumbering, true},
      {{"art21"}, {"art22"}, ChangeKind::kRenumbering, true},
      {{"art22"}, {"art23"}, ChangeKind::kSubstitution},
      {{"art27"}, {"art28"}, ChangeKind::kSubstitution},
      {{"art29"}, {"art30"}, ChangeKind::kRenumbering, true},
      {{"art32"}, {"art32"}, ChangeKind::kUnchanged},
      {{"art33"}, {"art33"}, ChangeKind::kUnchanged},
      {{"art34"}, {}, ChangeKind::kRepeal},
      {{"art36"}, {"art35"}, ChangeKind::kSubstitution},
      {{"art40"}, {"art39"}, ChangeKind::kRenumbering},
  };
  for (const ArticleRow& row : rows) {
    const ArticleChange& change =
        row.old_paths.empty() ? ByNew(*d1_d2_, row.new_paths) : ByOld(*d1_d2_, row.old_paths);
    SCOPED_TRACE(::testing::PrintToString(row.old_paths) + " → " +
                 ::testing::PrintToString(row.new_paths));
    EXPECT_EQ(change.new_paths, row.new_paths);
    EXPECT_EQ(ChangeKindName(change.kind), ChangeKindName(row.kind));
    EXPECT_EQ(change.references_renumbered, row.references_renumbered);
  }
}

TEST_F(DemoDraftsTest, ZeroDraftToFirstRevisionCounts) {
  const ComparisonSummary& s = d1_d2_->summary;
  EXPECT_EQ(s.articles_old, 40);
  EXPECT_EQ(s.articles_new, 40);
  EXPECT_EQ(s.unchanged, 3);  // 1, 32, 33
  EXPECT_EQ(s.moved, 1);      // 31 → 6
  EXPECT_EQ(s.split, 1);
  EXPECT_EQ(s.merged, 1);
  EXPECT_EQ(s.deleted, 1);
  EXPECT_EQ(s.inserted, 1);
  // 2, 3, 5→7, 9→11, 22→23, 27→28, 30→31, 36→35 amended.
  EXPECT_EQ(s.modified, 8);
}

TEST_F(DemoDraftsTest, BracketsAroundSeriousCrimeAreReportedAgreed) {
  const ArticleChange& art3 = ByOld(*d1_d2_, {"art3"});
  EXPECT_THAT(art3.brackets, Contains(AllOf(Field(&BracketChange::kind, BracketChangeKind::kAgreed),
                                            Field(&BracketChange::text, "[serious] crime"),
                                            Field(&BracketChange::old_path, "art3.p1"))));
  EXPECT_THAT(art3.brackets, Contains(AllOf(Field(&BracketChange::kind, BracketChangeKind::kAgreed),
                                            Field(&BracketChange::text, "serious"))));
  // "[adequate]" went with its word; the clause around it was agreed.
  const ArticleChange& art22 = ByOld(*d1_d2_, {"art22"});
  EXPECT_THAT(art22.brackets, Contains(AllOf(Field(&BracketChange::kind, BracketChangeKind::kDropped),
                                             Field(&BracketChange::text, "adequate"))));
  EXPECT_THAT(art22.brackets, Contains(Field(&BracketChange::kind, BracketChangeKind::kAgreed)));
}

TEST_F(DemoDraftsTest, RedlineRebuildsBothTexts) {
  for (const ArticleChange& change : d1_d2_->changes) {
    if (change.ops.empty()) continue;
    std::string old_text, new_text;
    for (const DiffOp& op : change.ops) {
      if (op.op != OpKind::kInsert) old_text += op.text;
      if (op.op != OpKind::kDelete) new_text += op.text;
    }
    SCOPED_TRACE(change.new_citation);
    EXPECT_EQ(old_text.empty(), change.old_paths.empty());
    EXPECT_EQ(new_text.empty(), change.new_paths.empty());
  }
  // Art. 3(1): the words before the brackets stay one equality, the bracket tokens go.
  const ArticleChange& art3 = ByOld(*d1_d2_, {"art3"});
  std::string deleted;
  for (const DiffOp& op : art3.ops) {
    if (op.op == OpKind::kDelete) deleted += op.text;
  }
  EXPECT_THAT(deleted, ::testing::HasSubstr("["));
}

// Section 2 of demo/CHANGES.md, D2 → D3.
TEST_F(DemoDraftsTest, FirstRevisionToFinalDraftMatchesTheHandCheckedTable) {
  const std::vector<ArticleRow> rows = {
      {{"art1"}, {"art1"}, ChangeKind::kUnchanged},
      {{"art3"}, {"art3"}, ChangeKind::kSubstitution},
      {{"art4"}, {"art4"}, ChangeKind::kSubstitution},
      {{"art5bis"}, {"art6"}, ChangeKind::kSubstitution},
      // Rewritten almost entirely (similarity ≈ 0.32) but still the same article in place.
      {{"art6"}, {"art7"}, ChangeKind::kSubstitution},
      {{"art11"}, {"art12"}, ChangeKind::kRenumbering, true},
      {{"art14"}, {}, ChangeKind::kRepeal},
      {{"art15"}, {"art15"}, ChangeKind::kSubstitution},
      {{"art16"}, {}, ChangeKind::kRepeal},
      {{"art17"}, {"art16"}, ChangeKind::kRenumbering, true},
      {{"art23"}, {"art22"}, ChangeKind::kSubstitution},
  };
  for (const ArticleRow& row : rows) {
    const ArticleChange& change = ByOld(*d2_d3_, row.old_paths);
    SCOPED_TRACE(::testing::PrintToString(row.old_paths));
    EXPECT_EQ(change.new_paths, row.new_paths);
    EXPECT_EQ(ChangeKindName(change.kind), ChangeKindName(row.kind));
    EXPECT_EQ(change.references_renumbered, row.references_renumbered);
  }
}

TEST_F(DemoDraftsTest, ParagraphMigrationBetweenArticlesIsFound) {
  // D2 31(5) became D3 7(3) (CHANGES.md, D2 6 → D3 7).
  EXPECT_THAT(d2_d3_->migrations,
              Contains(AllOf(Field(&ProvisionChange::old_paths, ElementsAre("art31.p5")),
                             Field(&ProvisionChange::new_paths, ElementsAre("art7.p3")))));
}

}  // namespace
}  // namespace tw::compare
