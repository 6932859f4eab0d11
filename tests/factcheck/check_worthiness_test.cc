#include "factcheck/check_worthiness.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace tw::factcheck {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;

struct Labelled {
  std::string_view sentence;
  bool checkable;  // asserts something an observer can verify against texts, votes, records
};

// Floor sentences as delegations say them: claims about texts, votes, positions and other
// instruments, against the courtesy, procedure, opinions and calls to action that surround them.
// Labelled by what an observer could check, not by what the scorer happens to see.
constexpr Labelled kFloorSentences[] = {
    // Checkable.
    {"Article 28 already contains all the safeguards of the Budapest Convention.", true},
    {"The broad scope is supported by a majority of states.", true},
    {"No delegation objected to paragraph 3 of article 24 at the last session.", true},
    {"Article 7 mirrors article 2 of the Budapest Convention word for word.", true},
    {"Sixty-eight states have ratified the Budapest Convention.", true},
    {"Article 24 was deleted from the revised draft.", true},
    {"The text of article 35 has not changed since the third session.", true},
    {"Article 40 of the draft is consistent with article 18 of UNTOC.", true},
    {"More than 100 delegations supported the inclusion of human rights safeguards.", true},
    {"The draft convention contains no reference to the ICCPR.", true},
    {"As the European Union said yesterday, article 17 goes beyond the Budapest Convention.", true},
    {"Resolution 74/247 was adopted by a recorded vote of 79 to 60 with 33 abstentions.", true},
    {"The definition of electronic data in article 2 is broader than in any existing instrument.",
     true},
    {"Every regional group has endorsed the current text of chapter IV.", true},
    {"Article 16 criminalises conduct that the Malabo Convention does not cover.", true},
    {"The Arab Convention already provides for the real-time collection of traffic data.", true},
    {"This provision was taken directly from article 46 of the UN Convention against Corruption.",
     true},
    {"Only 12 states have proposed amendments to article 5.", true},
    {"According to the Secretariat, 150 delegations registered for this session.", true},
    {"The African Group tabled a proposal to delete paragraph 2 of article 23.", true},
    {"Article 6 is weaker than article 15 of the Budapest Convention on human rights safeguards.",
     true},
    {"The Chair's text omits the dual criminality requirement from article 37.", true},
    {"All states except two accepted the compromise on article 4 at the fourth session.", true},
    {"The scope of article 3 is identical to that of article 14 of the Budapest Convention.", true},
    {"The CIS Agreement criminalises the creation of malicious software in its article 3.", true},
    {"Paragraph 2 of article 24 requires judicial or other independent review.", true},
    {"Our delegation proposed this language at the second session, and it was supported by the "
     "Group of 77.",
     true},
    {"Half of the offences in chapter II have no equivalent in the Budapest Convention.", true},
    {"The ECHR requires that any interference with privacy be prescribed by law.", true},
    {"Brazil stated that the current draft is incompatible with its constitution.", true},
    {"Articles 42 to 44 were merged into a single article in the latest draft.", true},
    {"The interpretative notes were agreed by consensus.", true},
    {"Forty countries still have no cybercrime legislation at all.", true},
    {"The UDHR protects freedom of expression in article 19.", true},
    {"Article 47 on law enforcement cooperation reproduces article 27 of UNTOC almost verbatim.",
     true},
    {"The Russian proposal would add 23 new offences to the convention.", true},
    {"At the last session, 31 delegations spoke in favour of a narrow scope.", true},
    {"The Budapest Convention entered into force in 2004.", true},
    {"Article 14 does not require intent, unlike article 9 of the Budapest Convention.", true},
    {"The Chair's summary records that no state opposed the deletion of article 9.", true},
    // Not checkable: courtesy, procedure, opinion, exhortation, positions without a fact.
    {"Thank you, Madam Chair.", false},
    {"We congratulate you on your election and assure you of our full support.", false},
    {"Allow me to begin by thanking the Secretariat for its excellent preparations.", false},
    {"We align ourselves with the statement delivered by the European Union.", false},
    {"We believe that human rights must be at the heart of this convention.", false},
    {"We call on all delegations to show flexibility in the days ahead.", false},
    {"My delegation looks forward to constructive discussions.", false},
    {"We hope that consensus can be reached on the remaining provisions.", false},
    {"I will now read out our comments on chapter II.", false},
    {"We support article 5 as currently drafted.", false},
    {"We cannot accept the current wording of article 24.", false},
    {"Cybercrime is a serious threat to all our societies.", false},
    {"We should avoid creating a convention that could be misused to persecute journalists.",
     false},
    {"It is a pleasure to see so many colleagues here in Vienna.", false},
    {"In our view, the text needs further work.", false},
    {"We propose to replace the word 'shall' with 'may' in paragraph 1.", false},
    {"Let me also express our gratitude to the vice-chairs.", false},
    {"We wish to reiterate our commitment to an inclusive process.", false},
    {"The protection of children online is a priority for my government.", false},
    {"We remain flexible on the title of the convention.", false},
    {"Capacity building should respond to the needs of developing countries.", false},
    {"I give the floor to the distinguished delegate of Egypt.", false},
    {"We would like to make a general comment before turning to the articles.", false},
    {"Perhaps the Secretariat could clarify the budget implications.", false},
    {"Our position on this article is well known.", false},
    {"We reserve our right to come back to this provision later.", false},
    {"Good morning to all colleagues.", false},
    {"We request that our statement be reflected in the report.", false},
    {"Technical assistance is essential for effective implementation.", false},
    {"We encourage the Chair to continue informal consultations on article 17.", false},
    {"This convention must not become a tool for repression.", false},
    {"We share the concerns expressed by several delegations.", false},
    {"My delegation is ready to engage constructively with all partners.", false},
    {"We are open to discussing alternative language for article 12.", false},
    {"The fight against cybercrime requires international cooperation.", false},
    {"On behalf of the Group of 77 and China, I would like to thank the Chair.", false},
    {"We welcome the revised draft circulated by the Chair.", false},
    {"Mr. Chair, we have three brief comments on article 24.", false},
};

// The second round: written after the lexicon was fitted to the sentences above. Measured
// first at precision 1.00, recall 0.60; the misses showed gaps that were then closed in general
// form (numbers in words with "percent", "N of the M", bare past-tense events such as
// "supported" and "dropped", "there is no", "no objections"), so this set is tuning data now.
constexpr Labelled kSecondRoundSentences[] = {
    {"Only three of the twenty offences in the draft require dishonest intent.", true},
    {"The Council of Europe convention has 76 parties from all regions of the world.", true},
    {"Article 12 is a verbatim copy of article 8 of the Budapest Convention.", true},
    {"The revised text dropped the reference to proportionality in article 24.", true},
    {"Last year, 47 delegations co-sponsored our proposal on child protection.", true},
    {"Nowhere does the draft define what a serious crime is.", true},
    {"The definition of serious crime in article 2 follows UNTOC exactly.", true},
    {"Most African states have not signed the Malabo Convention.", true},
    {"Since the fifth session, the number of criminalization articles has grown from 11 to 16.",
     true},
    {"The human rights clause in article 6 is narrower than the one the EU proposed.", true},
    {"The Secretariat confirmed that no formal objections were received.", true},
    {"Our national law already criminalizes every offence listed in chapter II.", true},
    {"Paragraph 4 was moved from article 35 to article 40 in the latest version.", true},
    {"Eighty percent of the requests for mutual legal assistance concern electronic evidence.",
     true},
    {"The Group of 77 proposed the current wording of article 53 at the fourth session.", true},
    {"In 2019, the General Assembly decided to establish this committee by resolution 74/247.",
     true},
    {"Article 23 extends the procedural powers to any criminal offence, unlike the Budapest "
     "Convention.",
     true},
    {"The United States voted against resolution 74/247.", true},
    {"There is no provision on data protection in the chapter on international cooperation.", true},
    {"China and Russia both supported the inclusion of article 17.", true},
    {"We thank the facilitators for their tireless efforts.", false},
    {"Our delegation attaches great importance to the protection of human rights.", false},
    {"We are ready to show flexibility in a spirit of compromise.", false},
    {"The convention should be technology-neutral.", false},
    {"We look forward to continuing our work under your able leadership.", false},
    {"This is a historic opportunity for the international community.", false},
    {"We request the floor to make a short intervention.", false},
    {"We need a convention that works for developing countries.", false},
    {"Let me conclude by reiterating our commitment to multilateralism.", false},
    {"We can go along with the Chair's proposal on article 9.", false},
    {"These concerns must be addressed before we can join consensus.", false},
    {"We will submit our written comments on chapter V by Friday.", false},
    {"Cooperation between law enforcement agencies is crucial.", false},
    {"We reiterate our support for the Chair's approach.", false},
    {"The voice of civil society must be heard in this process.", false},
    {"Human rights safeguards are not optional.", false},
    {"We encourage delegations to be pragmatic.", false},
    {"We have some concerns about the breadth of article 4.", false},
    {"My delegation will revert to this issue in the informals.", false},
    {"We appreciate the efforts of all delegations to find common ground.", false},
};

// The third round, written after the second: measured first at precision 1.00, recall 0.40.
// One feature alone stayed below the threshold, so a sentence citing an article or an
// instrument in a plain declarative was missed; the weights were rebalanced (a reference or a
// counted quantity alone now reaches the threshold) and first-person positions, modal and
// evaluative words ("we support", "must", "is essential") joined the hedges that pull the score
// back down. Tuning data since.
constexpr Labelled kThirdRoundSentences[] = {
    {"Fourteen of the procedural powers in chapter IV have no counterpart in UNTOC.", true},
    {"The previous draft allowed refusal of assistance on human rights grounds, but this one "
     "does not.",
     true},
    {"Article 5 has been in the text since the very first draft without any change.", true},
    {"Our proposal for a sunset clause received support from more than forty delegations.", true},
    {"None of the regional conventions criminalizes the dissemination of false information.", true},
    {"The European Union and its member states abstained in the vote on resolution 79/243.", true},
    {"The current definition of ICT crimes covers any offence committed by means of a computer "
     "system.",
     true},
    {"Article 41 is the only provision in the draft that mentions the rights of victims.", true},
    {"Under article 36, personal data may only be transferred in accordance with domestic law.",
     true},
    {"The Secretariat's note lists 162 written submissions from member states.", true},
    {"The expert group met nine times between 2011 and 2021.", true},
    {"Canada withdrew its amendment to article 24 after informal consultations.", true},
    {"The wording on dual criminality is lifted from the extradition article of UNCAC.", true},
    {"Both the Budapest Convention and the Malabo Convention require judicial authorization for "
     "interception.",
     true},
    {"The interpretative note to article 14 was added at the request of several delegations.",
     true},
    {"We must not lose sight of the victims of cybercrime.", false},
    {"We trust that our concerns will be taken into account.", false},
    {"Mr. Chair, my delegation wishes to make three points.", false},
    {"Technology evolves faster than any treaty.", false},
    {"We stand ready to work with all delegations to bridge the remaining gaps.", false},
    {"A convention without strong safeguards would be a missed opportunity.", false},
    {"We are still studying the latest proposal from the Chair.", false},
    {"We would prefer to keep the text as simple as possible.", false},
    {"We join others in calling for a transparent and inclusive process.", false},
    {"Allow me to turn to chapter III.", false},
    {"We cannot support any expansion of the scope.", false},
    {"Our experts will be available for bilateral consultations.", false},
    {"It is important that the convention stands the test of time.", false},
    {"The rule of law must guide our deliberations.", false},
    {"We look forward to the adoption of the convention by the General Assembly.", false},
};

// Written after all three rounds above: how the scorer does on sentences it was not fitted to.
// First measured at precision 1.00, recall 0.65 (13 of 20 checkable sentences proposed). One
// miss was a lexicon bug, fixed since: "on behalf of" counted as courtesy in any person, so
// "Egypt tabled this amendment on behalf of the Arab Group" lost its score; now only the
// speaker's own "I speak on behalf of" does (recall 0.70 after the fix). The other misses are
// phrasings the lexicon lacks ("circulated", "appears only once", "a hundred ... signed"): a
// lexicon scorer is precise and misses what it has no words for, which is why the analyst
// reads every sentence's features and the threshold only orders the list.
constexpr Labelled kHeldOutSentences[] = {
    {"The revised draft of 29 May reduced the list of offences from thirty to eleven.", true},
    {"Article 35 of the previous text required dual criminality for all forms of assistance.",
     true},
    {"Iran, on behalf of a group of states, requested a vote on paragraph 2 of article 6.", true},
    {"The Chair's proposal on scope is essentially the text that Japan circulated last year.",
     true},
    {"Not one of the 46 parties to the Budapest Convention has reported abuse of article 19.",
     true},
    {"The ICCPR guarantees the right to privacy in its article 17.", true},
    {"Ukraine pointed out that article 4 appears in none of the existing regional treaties.", true},
    {"Your text retains the 'serious crime' threshold from UNTOC.", true},
    {"Article 30 was already agreed ad referendum in the informal consultations.", true},
    {"The Secretariat estimates that the convention will cost 5 million dollars per year to "
     "service.",
     true},
    {"The Budapest Convention has been ratified by states from every region.", true},
    {"The EU's amendment to article 24 was rejected by the coordinator.", true},
    {"Over a hundred civil society organizations signed the joint letter.", true},
    {"Article 54 on technical assistance is modelled on article 60 of UNCAC.", true},
    {"The word 'proportionality' appears only once in the entire draft.", true},
    {"Paragraph 3 of article 16 goes further than any national law we know of.", true},
    {"In the first reading, article 11 had four paragraphs; it now has two.", true},
    {"Egypt tabled this amendment on behalf of the Arab Group.", true},
    {"The Malabo Convention has entered into force after receiving its fifteenth ratification.",
     true},
    {"Article 27 allows the production order to be addressed to any service provider.", true},
    {"Let me be clear: we will not accept a convention that undermines human rights.", false},
    {"Our delegation has always believed in the value of dialogue.", false},
    {"We are disappointed by the slow progress of the negotiations.", false},
    {"It would be unwise to reopen agreed language at this late stage.", false},
    {"We call for a balanced approach that respects sovereignty.", false},
    {"The success of this convention depends on its implementation.", false},
    {"Developing countries need more support to build their capacities.", false},
    {"We are listening carefully to the views of other delegations.", false},
    {"I would like to briefly introduce our proposal.", false},
    {"We hope the Chair will consider our suggestions favourably.", false},
    {"Time is short, and much remains to be done.", false},
    {"We are here to deliver a convention that protects our citizens.", false},
    {"Please allow me to add a few words on chapter VI.", false},
    {"We see merit in the proposal of the distinguished delegate of Mexico.", false},
    {"The Internet must remain free, open and secure.", false},
    {"We have listened with interest to the statements made this morning.", false},
    {"Our national experience shows the value of international cooperation.", false},
    {"We remain committed to concluding our work by the end of this session.", false},
    {"Consensus is within reach if we all show goodwill.", false},
    {"My delegation will come back to article 30 in writing.", false},
};

std::string Describe(const CheckWorthySentence& sentence) {
  std::string out = std::to_string(sentence.score) + " [";
  for (const WorthinessFeature& f : sentence.features) {
    out += " " + f.name + "(" + f.matched + ")";
  }
  return out + " ]";
}

TEST(CheckWorthinessTest, FloorSentencesAreOneSentenceEach) {
  for (const Labelled& labelled : kFloorSentences) {
    EXPECT_EQ(ScoreSentences(labelled.sentence).size(), 1u) << labelled.sentence;
  }
}

struct Quality {
  int checkable = 0;
  int sentences = 0;
  double precision = 0;
  double recall = 0;
};

template <std::size_t N>
Quality Measure(const Labelled (&labelled_sentences)[N], std::string_view set) {
  int true_positive = 0;
  int false_positive = 0;
  int false_negative = 0;
  Quality quality;
  for (const Labelled& labelled : labelled_sentences) {
    const std::vector<CheckWorthySentence> sentences = ScoreSentences(labelled.sentence);
    EXPECT_EQ(sentences.size(), 1u) << labelled.sentence;
    if (sentences.empty()) continue;
    ++quality.sentences;
    const bool proposed = sentences.front().score >= kCheckWorthyThreshold;
    quality.checkable += labelled.checkable ? 1 : 0;
    if (proposed && labelled.checkable) ++true_positive;
    if (proposed && !labelled.checkable) {
      ++false_positive;
      std::printf("%s: false positive: %s %s\n", std::string(set).c_str(),
                  std::string(labelled.sentence).c_str(), Describe(sentences.front()).c_str());
    }
    if (!proposed && labelled.checkable) {
      ++false_negative;
      std::printf("%s: missed: %s %s\n", std::string(set).c_str(),
                  std::string(labelled.sentence).c_str(), Describe(sentences.front()).c_str());
    }
  }
  quality.precision =
      static_cast<double>(true_positive) / std::max(1, true_positive + false_positive);
  quality.recall = static_cast<double>(true_positive) / std::max(1, true_positive + false_negative);
  std::printf("%s: %d sentences (%d checkable): precision %.3f, recall %.3f at %.2f\n",
              std::string(set).c_str(), quality.sentences, quality.checkable, quality.precision,
              quality.recall, kCheckWorthyThreshold);
  return quality;
}

TEST(CheckWorthinessTest, PrecisionAndRecallOnFloorSentences) {
  const Quality quality = Measure(kFloorSentences, "tuning set");
  ASSERT_GE(quality.checkable, 20);
  ASSERT_GE(quality.sentences - quality.checkable, 20);
  EXPECT_GE(quality.precision, 0.85);
  EXPECT_GE(quality.recall, 0.85);
}

TEST(CheckWorthinessTest, PrecisionAndRecallOnSecondRoundSentences) {
  const Quality quality = Measure(kSecondRoundSentences, "second round");
  ASSERT_GE(quality.checkable, 20);
  ASSERT_GE(quality.sentences - quality.checkable, 20);
  EXPECT_GE(quality.precision, 0.85);
  EXPECT_GE(quality.recall, 0.85);
}

TEST(CheckWorthinessTest, PrecisionAndRecallOnThirdRoundSentences) {
  const Quality quality = Measure(kThirdRoundSentences, "third round");
  ASSERT_GE(quality.checkable, 15);
  ASSERT_GE(quality.sentences - quality.checkable, 15);
  EXPECT_GE(quality.precision, 0.85);
  EXPECT_GE(quality.recall, 0.85);
}

TEST(CheckWorthinessTest, PrecisionAndRecallOnHeldOutSentences) {
  const Quality quality = Measure(kHeldOutSentences, "held-out set");
  ASSERT_GE(quality.checkable, 20);
  ASSERT_GE(quality.sentences - quality.checkable, 20);
  EXPECT_GE(quality.precision, 0.85);
  EXPECT_GE(quality.recall, 0.65);
}

struct FeatureCase {
  std::string_view sentence;
  std::string_view feature;
  std::string_view matched;  // a substring of the feature's matched words
};

constexpr FeatureCase kFeatureCases[] = {
    {"Sixty states support it.", "quantity", "Sixty states"},
    {"It passed by 79 votes.", "quantity", "79"},
    {"A majority of states agreed.", "quantity", "A majority"},
    {"Article 24(2)(b) provides for review.", "provision-reference", "Article 24(2)(b)"},
    {"See articles 7 to 11.", "provision-reference", "articles 7 to 11"},
    {"Chapter IV is long.", "provision-reference", "Chapter IV"},
    {"It follows the Palermo Convention.", "instrument-reference", "Palermo Convention"},
    {"It follows ETS No. 185.", "instrument-reference", "ETS No. 185"},
    {"It mirrors the earlier text.", "comparison", "mirrors"},
    {"It is stronger than that.", "comparison", "stronger than"},
    {"It is the same as before.", "comparison", "same as"},
    {"No delegation spoke.", "universal", "No delegation"},
    {"All states agreed.", "universal", "All states"},
    {"It already provides that.", "legal-assertion", "already provides"},
    {"It is consistent with the law.", "legal-assertion", "is consistent with"},
    {"As the EU said, it is fine.", "attribution", "As the EU said"},
    {"According to Brazil it is fine.", "attribution", "According to"},
    {"We believe it is fine.", "hedge", "We believe"},
    {"We thank the Chair.", "courtesy", "thank"},
};

TEST(CheckWorthinessTest, FeaturesNameTheWordsThatTriggeredThem) {
  for (const FeatureCase& c : kFeatureCases) {
    const std::vector<CheckWorthySentence> sentences = ScoreSentences(c.sentence);
    ASSERT_EQ(sentences.size(), 1u) << c.sentence;
    const auto found =
        std::find_if(sentences[0].features.begin(), sentences[0].features.end(),
                     [&](const WorthinessFeature& f) { return f.name == c.feature; });
    ASSERT_NE(found, sentences[0].features.end())
        << c.sentence << " lacks " << c.feature << ": " << Describe(sentences[0]);
    EXPECT_THAT(found->matched, HasSubstr(std::string(c.matched))) << c.sentence;
    if (c.feature == "hedge" || c.feature == "courtesy") {
      EXPECT_LT(found->weight, 0) << c.feature;
    } else {
      EXPECT_GT(found->weight, 0) << c.feature;
    }
  }
}

TEST(CheckWorthinessTest, ReferenceNumbersAreNotQuantities) {
  for (std::string_view sentence : {"Article 24 of the Budapest Convention, ETS No. 185, applies.",
                                    "See chapter 4 and resolution 74/247 in A/AC.291/22."}) {
    const std::vector<CheckWorthySentence> sentences = ScoreSentences(sentence);
    ASSERT_EQ(sentences.size(), 1u);
    for (const WorthinessFeature& f : sentences[0].features) {
      EXPECT_NE(f.name, "quantity") << sentence << ": " << f.matched;
    }
  }
}

TEST(CheckWorthinessTest, FeaturesAreInTheListedOrder) {
  const std::vector<CheckWorthySentence> sentences = ScoreSentences(
      "We thank the Chair; as the EU said, all states agree that article 28 mirrors the "
      "Budapest Convention, which already provides 3 safeguards, we believe.");
  ASSERT_EQ(sentences.size(), 1u);
  std::vector<std::string> names;
  for (const WorthinessFeature& f : sentences[0].features) names.push_back(f.name);
  EXPECT_THAT(names,
              ElementsAre("quantity", "provision-reference", "instrument-reference", "comparison",
                          "universal", "legal-assertion", "attribution", "hedge", "courtesy"));
}

TEST(CheckWorthinessTest, AbbreviationsAndDecimalsDoNotEndSentences) {
  const std::string statement =
      "Thank you, Mr. Chair. H.E. Ms. Silva spoke on Art. 24 Budapest Convention text, e.g. the "
      "review, i.e. the courts, cf. para. 3 and No. 185. Paragraph 24.2 of the report says so. "
      "We agree.";
  const std::vector<CheckWorthySentence> sentences = ScoreSentences(statement);
  std::vector<std::string> texts;
  for (const CheckWorthySentence& s : sentences) texts.push_back(s.text);
  std::sort(texts.begin(), texts.end());
  EXPECT_THAT(texts, ElementsAre("H.E. Ms. Silva spoke on Art. 24 Budapest Convention text, e.g. "
                                 "the review, i.e. the courts, cf. para. 3 and No. 185.",
                                 "Paragraph 24.2 of the report says so.", "Thank you, Mr. Chair.",
                                 "We agree."));
  for (const CheckWorthySentence& s : sentences) {
    EXPECT_EQ(statement.substr(s.begin, s.end - s.begin), s.text);
  }
}

TEST(CheckWorthinessTest, WrappedLinesStayOneSentenceAndBlankLinesSeparate) {
  const std::string statement =
      "Article 28 already contains\nall the safeguards of the Budapest\r\nConvention.\n\n"
      "Thank you";
  const std::vector<CheckWorthySentence> sentences = ScoreSentences(statement);
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0].begin, 0u);
  EXPECT_THAT(sentences[0].text, HasSubstr("Budapest\r\nConvention."));
  EXPECT_GE(sentences[0].score, kCheckWorthyThreshold);
  EXPECT_EQ(sentences[1].text, "Thank you");
}

TEST(CheckWorthinessTest, HighestScoreFirstThenEarlierFirst) {
  const std::vector<CheckWorthySentence> sentences = ScoreSentences(
      "We agree. Sixty states ratified the Budapest Convention. We concur. Thank you.");
  ASSERT_EQ(sentences.size(), 4u);
  EXPECT_EQ(sentences[0].text, "Sixty states ratified the Budapest Convention.");
  EXPECT_EQ(sentences[1].text, "We agree.");
  EXPECT_EQ(sentences[2].text, "We concur.");
  EXPECT_EQ(sentences[3].text, "Thank you.");
  for (const CheckWorthySentence& s : sentences) {
    EXPECT_GE(s.score, 0.0);
    EXPECT_LE(s.score, 1.0);
  }
}

TEST(CheckWorthinessTest, EmptyAndBlankStatementsHaveNoSentences) {
  EXPECT_TRUE(ScoreSentences("").empty());
  EXPECT_TRUE(ScoreSentences(" \n\t ").empty());
}

TEST(CheckWorthinessTest, InvalidUtf8IsScoredUpToTheFirstBadByte) {
  const std::string statement = std::string("Sixty states ratified the Budapest Convention. Ok ") +
                                "\xC3\x28 more \xFF\xFE text.";
  const std::vector<CheckWorthySentence> sentences = ScoreSentences(statement);
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0].text, "Sixty states ratified the Budapest Convention.");
  EXPECT_EQ(sentences[1].text, "Ok");
  for (const std::string& garbage :
       {std::string("\xFF"), std::string("\xC0\x80"), std::string("abc\xED\xA0\x80"),
        std::string(100, '\x80'), std::string("\xF4\x90\x80\x80 x")}) {
    for (const CheckWorthySentence& s : ScoreSentences(garbage)) {
      EXPECT_LE(s.end, garbage.size());
    }
  }
}

TEST(CheckWorthinessTest, LargeInputsAreBoundedAndDoNotCrash) {
  std::string statement;
  while (statement.size() < (std::size_t{2} << 20)) {
    statement += "Article 28 already contains all the safeguards of the Budapest Convention. ";
  }
  const std::vector<CheckWorthySentence> sentences = ScoreSentences(statement);
  ASSERT_FALSE(sentences.empty());
  for (const CheckWorthySentence& s : sentences) EXPECT_LE(s.end, std::size_t{1} << 20);

  // One "sentence" of 2 MiB without punctuation, and one of 2 MiB of digits.
  const std::string words(std::size_t{2} << 20, 'a');
  EXPECT_EQ(ScoreSentences(words).size(), 1u);
  std::string numbers;
  while (numbers.size() < (std::size_t{2} << 20)) numbers += "article 1, ";
  EXPECT_FALSE(ScoreSentences(numbers).empty());
}

}  // namespace
}  // namespace tw::factcheck
