// Grading each answer format: keys, tolerance, accepted variants, case, partial credit.
#include "quiz/grader.h"

#include <gtest/gtest.h>

namespace ipclab {
namespace {

Question choiceQuestion(QuestionKind kind, std::vector<std::string> correct) {
    Question q;
    q.id = "c";
    q.kind = kind;
    q.points = 2;
    q.choices = {{"a", "Message passing"}, {"b", "Shared memory"}, {"c", "It depends"}};
    q.correctChoices = std::move(correct);
    return q;
}

Question wordQuestion() {
    Question q;
    q.kind = QuestionKind::Word;
    q.points = 4;
    for (const char* name : {"msgsnd", "msgrcv", "msgctl", "msgget"}) {
        Blank blank;
        blank.accepted = {name};
        q.blanks.push_back(blank);
    }
    return q;
}

Question numericQuestion(double value, double absTolerance, double relTolerance, std::string unit) {
    Question q;
    q.kind = QuestionKind::Numeric;
    Blank blank;
    blank.value = value;
    blank.absTolerance = absTolerance;
    blank.relTolerance = relTolerance;
    blank.unit = std::move(unit);
    q.blanks.push_back(blank);
    return q;
}

Answer answerOf(std::vector<std::string> parts) {
    return Answer{std::move(parts)};
}

TEST(QuizGrader, SingleChoice) {
    const Question q = choiceQuestion(QuestionKind::SingleChoice, {"c"});
    const Grade right = grade(q, answerOf({"c"}));
    EXPECT_TRUE(right.correct);
    EXPECT_DOUBLE_EQ(right.earned, 2);
    EXPECT_EQ(right.possible, 2);
    ASSERT_EQ(right.expected.size(), 1u);
    EXPECT_EQ(right.expected[0], "It depends");
    const Grade wrong = grade(q, answerOf({"b"}));
    EXPECT_FALSE(wrong.correct);
    EXPECT_DOUBLE_EQ(wrong.earned, 0);
    EXPECT_FALSE(grade(q, answerOf({})).correct);
}

TEST(QuizGrader, MultipleChoiceNeedsTheExactSet) {
    const Question q = choiceQuestion(QuestionKind::MultipleChoice, {"a", "c"});
    EXPECT_TRUE(grade(q, answerOf({"c", "a"})).correct) << "order does not matter";
    EXPECT_TRUE(grade(q, answerOf({"a", "c", "a"})).correct) << "a repeated letter is the same choice";
    EXPECT_FALSE(grade(q, answerOf({"a"})).correct) << "a subset is not enough";
    EXPECT_FALSE(grade(q, answerOf({"a", "b", "c"})).correct) << "a superset is wrong";
}

TEST(QuizGrader, WordsAreCaseInsensitiveAndAcceptSensibleVariants) {
    const Question q = wordQuestion();
    const Grade g = grade(q, answerOf({"MSGSND", "msgrcv()", "msgctl(2)", " `msgget` "}));
    EXPECT_TRUE(g.correct) << g.feedback;
    EXPECT_DOUBLE_EQ(g.earned, 4);
    EXPECT_EQ(normaliseWord("\"MsgSnd(2)\"."), "msgsnd");
    EXPECT_EQ(normaliseWord("PTHREAD_PROCESS_SHARED"), "pthread_process_shared");
    EXPECT_EQ(normaliseWord("shm_unlink()"), "shm_unlink");
    EXPECT_EQ(normaliseWord("-m"), "-m");
}

TEST(QuizGrader, WordBlanksEarnPartialCredit) {
    const Question q = wordQuestion();
    const Grade g = grade(q, answerOf({"msgsnd", "msgrecv", "msgctl", "semget"}));
    EXPECT_FALSE(g.correct);
    EXPECT_EQ(g.partsCorrect, (std::vector<bool>{true, false, true, false}));
    EXPECT_DOUBLE_EQ(g.earned, 2);
    EXPECT_EQ(g.feedback, "2 of 4 blanks right");
    EXPECT_EQ(g.expected, (std::vector<std::string>{"msgsnd", "msgrcv", "msgctl", "msgget"}));
}

TEST(QuizGrader, WordAcceptsListedAlternatives) {
    Question q;
    q.kind = QuestionKind::Word;
    Blank blank;
    blank.accepted = {"ipcs", "ipcs(1)", "/usr/bin/ipcs"};
    q.blanks.push_back(blank);
    EXPECT_TRUE(grade(q, answerOf({"/USR/BIN/IPCS"})).correct);
    EXPECT_FALSE(grade(q, answerOf({"ipcrm"})).correct);
    EXPECT_FALSE(grade(q, answerOf({""})).correct);
}

TEST(QuizGrader, NumericExactWithoutTolerance) {
    const Question q = numericQuestion(4, 0, 0, "crossings");
    EXPECT_TRUE(grade(q, answerOf({"4"})).correct);
    EXPECT_TRUE(grade(q, answerOf({"4 crossings"})).correct) << "the unit may follow";
    EXPECT_TRUE(grade(q, answerOf({"4 crossing"})).correct);
    EXPECT_FALSE(grade(q, answerOf({"5"})).correct);
    EXPECT_FALSE(grade(q, answerOf({"4.01"})).correct);
    EXPECT_FALSE(grade(q, answerOf({"four"})).correct) << "not a number: wrong, never a crash";
    EXPECT_FALSE(grade(q, answerOf({"4 bytes"})).correct) << "a different unit is not this answer";
}

TEST(QuizGrader, NumericAbsoluteTolerance) {
    const Question q = numericQuestion(2.4, 0.05, 0, "");
    EXPECT_TRUE(grade(q, answerOf({"2.4"})).correct);
    EXPECT_TRUE(grade(q, answerOf({"2.45"})).correct);
    EXPECT_TRUE(grade(q, answerOf({"2.35"})).correct);
    EXPECT_FALSE(grade(q, answerOf({"2.46"})).correct);
}

TEST(QuizGrader, NumericRelativeTolerance) {
    const Question q = numericQuestion(15.625, 0, 0.05, "MiB");
    EXPECT_TRUE(grade(q, answerOf({"15.625"})).correct);
    EXPECT_TRUE(grade(q, answerOf({"16 MiB"})).correct) << "2.4 % off";
    EXPECT_TRUE(grade(q, answerOf({"15"})).correct) << "4 % off";
    EXPECT_FALSE(grade(q, answerOf({"16.5"})).correct) << "5.6 % off";
    EXPECT_FALSE(grade(q, answerOf({"14.8"})).correct) << "5.3 % off";
}

TEST(QuizGrader, NumericBytesAcceptBinarySuffixes) {
    const Question q = numericQuestion(16384, 0, 0, "bytes");
    EXPECT_TRUE(grade(q, answerOf({"16384"})).correct);
    EXPECT_TRUE(grade(q, answerOf({"16,384 bytes"})).correct);
    EXPECT_TRUE(grade(q, answerOf({"16 KiB"})).correct);
    EXPECT_TRUE(grade(q, answerOf({"16K"})).correct);
    EXPECT_FALSE(grade(q, answerOf({"16 MiB"})).correct);
    EXPECT_EQ(parseNumber("1 MiB", "bytes"), 1048576.0);
    EXPECT_EQ(parseNumber("1.5e3", ""), 1500.0);
    EXPECT_FALSE(parseNumber("1 MiB", "pages").has_value()) << "suffixes are for byte counts only";
}

TEST(QuizGrader, OrderingIsAllOrNothing) {
    Question q;
    q.kind = QuestionKind::Ordering;
    q.events = {{"e3", "P2 writes"}, {"e1", "P1 writes"}, {"e4", "P1 reads"}, {"e2", "P2 reads"}};
    q.correctOrder = {"e1", "e2", "e3", "e4"};
    EXPECT_TRUE(grade(q, answerOf({"e1", "e2", "e3", "e4"})).correct);
    EXPECT_FALSE(grade(q, answerOf({"e1", "e3", "e2", "e4"})).correct);
    EXPECT_EQ(grade(q, {}).expected, (std::vector<std::string>{"P1 writes", "P2 reads", "P2 writes", "P1 reads"}));
}

TEST(QuizGrader, PickPageAcceptsAnyRightPage) {
    Question q;
    q.kind = QuestionKind::PickPage;
    q.pages = {{"P1@0x1000", "P1", 0x1000, 7, "heap"},
               {"P1@0x7f00", "P1", 0x7f00, 9, "shm"},
               {"P2@0x7e00", "P2", 0x7e00, 9, "shm"}};
    q.correctPages = {"P1@0x7f00", "P2@0x7e00"};
    EXPECT_TRUE(grade(q, answerOf({"P2@0x7e00"})).correct);
    EXPECT_TRUE(grade(q, answerOf({"P1@0x7f00"})).correct);
    EXPECT_FALSE(grade(q, answerOf({"P1@0x1000"})).correct);
    EXPECT_FALSE(grade(q, answerOf({"P1@0x7f00", "P1@0x1000"})).correct) << "one page is picked, not several";
}

TEST(QuizGrader, ReflectionIsKeptNotGraded) {
    Question q;
    q.kind = QuestionKind::Reflection;
    q.points = 0;
    const Grade g = grade(q, answerOf({"I learned that pipes copy."}));
    EXPECT_FALSE(g.graded);
    EXPECT_EQ(g.possible, 0);
    EXPECT_DOUBLE_EQ(g.earned, 0);
}

TEST(QuizAnswerLine, ChoicesLettersAndMistakes) {
    const Question single = choiceQuestion(QuestionKind::SingleChoice, {"c"});
    std::string why;
    EXPECT_EQ(parseAnswerLine(single, " C ", &why)->parts, (std::vector<std::string>{"c"}));
    EXPECT_FALSE(parseAnswerLine(single, "a b", &why).has_value());
    EXPECT_FALSE(parseAnswerLine(single, "z", &why).has_value());
    EXPECT_NE(why.find("'z'"), std::string::npos) << why;
    const Question multiple = choiceQuestion(QuestionKind::MultipleChoice, {"a", "c"});
    EXPECT_EQ(parseAnswerLine(multiple, "a,c", nullptr)->parts, (std::vector<std::string>{"a", "c"}));
    EXPECT_EQ(parseAnswerLine(multiple, "ac", nullptr)->parts, (std::vector<std::string>{"a", "c"}));
}

TEST(QuizAnswerLine, BlanksSplitOnSemicolonCommaOrSpace) {
    const Question q = wordQuestion();
    for (const char* line :
         {"msgsnd; msgrcv; msgctl; msgget", "msgsnd,msgrcv,msgctl,msgget", "msgsnd msgrcv msgctl msgget"}) {
        const auto answer = parseAnswerLine(q, line, nullptr);
        ASSERT_TRUE(answer.has_value()) << line;
        EXPECT_TRUE(grade(q, *answer).correct) << line;
    }
    std::string why;
    EXPECT_FALSE(parseAnswerLine(q, "msgsnd; msgrcv", &why).has_value());
    EXPECT_NE(why.find("4 answers"), std::string::npos) << why;
}

TEST(QuizAnswerLine, OrderingLettersMapToPresentedEvents) {
    Question q;
    q.kind = QuestionKind::Ordering;
    q.events = {{"e2", "second"}, {"e1", "first"}, {"e3", "third"}};
    q.correctOrder = {"e1", "e2", "e3"};
    const auto answer = parseAnswerLine(q, "b a c", nullptr);
    ASSERT_TRUE(answer.has_value());
    EXPECT_TRUE(grade(q, *answer).correct);
    EXPECT_FALSE(parseAnswerLine(q, "b a", nullptr).has_value()) << "every event once";
    EXPECT_FALSE(parseAnswerLine(q, "b b c", nullptr).has_value());
}

TEST(QuizAnswerLine, PickPageByNumberOrId) {
    Question q;
    q.kind = QuestionKind::PickPage;
    q.pages = {{"P1@0x1000", "P1", 0x1000, {}, "heap"}, {"P2@0x7e00", "P2", 0x7e00, {}, "shm"}};
    q.correctPages = {"P2@0x7e00"};
    EXPECT_EQ(parseAnswerLine(q, "2", nullptr)->parts, (std::vector<std::string>{"P2@0x7e00"}));
    EXPECT_EQ(parseAnswerLine(q, "p2@0x7E00", nullptr)->parts, (std::vector<std::string>{"P2@0x7e00"}));
    EXPECT_FALSE(parseAnswerLine(q, "3", nullptr).has_value());
}

TEST(QuizKey, KeyTextForEachFormat) {
    EXPECT_EQ(keyText(choiceQuestion(QuestionKind::SingleChoice, {"c"})), "It depends");
    EXPECT_EQ(keyText(wordQuestion()), "msgsnd; msgrcv; msgctl; msgget");
    EXPECT_EQ(keyText(numericQuestion(15.625, 0, 0.05, "MiB")), "15.625 MiB (+- 5 %)");
    EXPECT_EQ(keyText(numericQuestion(4, 0, 0, "crossings")), "4 crossings");
}

} // namespace
} // namespace ipclab
