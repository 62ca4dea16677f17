// The rules of taking a quiz: hints, one retry, the score.
#include "quiz/quiz_attempt.h"

#include <gtest/gtest.h>

namespace ipclab {
namespace {

GeneratedQuiz twoQuestions() {
    GeneratedQuiz quiz;
    quiz.quizId = "demo";
    Question choice;
    choice.id = "choice";
    choice.kind = QuestionKind::SingleChoice;
    choice.points = 2;
    choice.hints = {"first hint", "second hint"};
    choice.choices = {{"a", "Message passing"}, {"b", "Shared memory"}, {"c", "It depends"}};
    choice.correctChoices = {"c"};
    Question reflection;
    reflection.id = "reflect";
    reflection.kind = QuestionKind::Reflection;
    reflection.points = 0;
    quiz.questions = {choice, reflection};
    return quiz;
}

TEST(QuizAttempt, HintsComeOneAtATime) {
    QuizAttempt attempt(twoQuestions());
    EXPECT_EQ(attempt.nextHint(), "first hint");
    EXPECT_EQ(attempt.nextHint(), "second hint");
    EXPECT_FALSE(attempt.nextHint().has_value());
    EXPECT_EQ(attempt.hintsShown(), 2);
}

TEST(QuizAttempt, WrongThenRightEarnsThePoints) {
    QuizAttempt attempt(twoQuestions());
    const auto first = attempt.submit(Answer{{"a"}});
    EXPECT_FALSE(first.grade.correct);
    EXPECT_TRUE(first.retryAllowed);
    EXPECT_FALSE(first.done);
    const auto second = attempt.submit(Answer{{"c"}});
    EXPECT_TRUE(second.grade.correct);
    EXPECT_TRUE(second.done);
    attempt.advance();
    const auto reflection = attempt.submit(Answer{{"learned a lot"}});
    EXPECT_FALSE(reflection.grade.graded);
    EXPECT_TRUE(reflection.done) << "a reflection is never retried";
    attempt.advance();
    EXPECT_TRUE(attempt.finished());
    EXPECT_DOUBLE_EQ(attempt.earned(), 2);
    EXPECT_EQ(attempt.possible(), 2);
}

TEST(QuizAttempt, TwoWrongTriesEndTheQuestion) {
    QuizAttempt attempt(twoQuestions());
    EXPECT_TRUE(attempt.submit(Answer{{"a"}}).retryAllowed);
    const auto last = attempt.submit(Answer{{"b"}});
    EXPECT_FALSE(last.retryAllowed);
    EXPECT_TRUE(last.done);
    EXPECT_THROW(attempt.submit(Answer{{"c"}}), std::logic_error);
    attempt.advance();
    EXPECT_EQ(attempt.index(), 1u);
    EXPECT_EQ(attempt.tries(), 0);
    EXPECT_DOUBLE_EQ(attempt.earned(), 0);
    EXPECT_EQ(attempt.possible(), 2);
}

TEST(QuizAttempt, SkipCountsThePointsAsPossible) {
    QuizAttempt attempt(twoQuestions());
    EXPECT_THROW(attempt.advance(), std::logic_error);
    EXPECT_TRUE(attempt.skip().done);
    attempt.advance();
    EXPECT_EQ(attempt.possible(), 2);
    EXPECT_DOUBLE_EQ(attempt.earned(), 0);
}

} // namespace
} // namespace ipclab
