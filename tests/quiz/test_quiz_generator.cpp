// Parametric questions: the expression language, and that a seed fixes question and key.
#include "common/error.h"
#include "quiz/quiz_catalog.h"
#include "quiz/quiz_expression.h"
#include "quiz/quiz_generator.h"
#include "quiz/quiz_loader.h"

#include <gtest/gtest.h>

#include <set>

namespace ipclab {
namespace {

const Quiz& predictThenRun() {
    static const Quiz quiz = loadQuizFile(std::string(IPCLAB_TEST_SCENARIO_DIR) + "/quizzes/predict-then-run.toml");
    return quiz;
}

const Question& questionNamed(const GeneratedQuiz& quiz, const std::string& id) {
    for (const Question& question : quiz.questions) {
        if (question.id == id) {
            return question;
        }
    }
    throw std::runtime_error("no question " + id);
}

/// Everything a student or grader sees of a question, as one string, to compare two draws.
std::string fingerprint(const Question& q) {
    std::string text = q.prompt + "|" + q.explanation;
    for (const Choice& c : q.choices) {
        text += "|" + c.id + ":" + c.text;
    }
    for (const std::string& id : q.correctChoices) {
        text += "|k" + id;
    }
    for (const Blank& b : q.blanks) {
        text += "|" + std::to_string(b.value);
    }
    for (const Choice& e : q.events) {
        text += "|" + e.id;
    }
    if (q.run) {
        for (const auto& [name, value] : q.run->params) {
            text += "|" + name + "=" + value;
        }
    }
    return text;
}

TEST(QuizExpression, ArithmeticComparisonsAndFunctions) {
    const QuizVariables v = {{"rounds", 3}, {"size", 8192}, {"k", 1}};
    EXPECT_EQ(evaluateQuizExpression("4 * rounds", v), 12);
    EXPECT_EQ(evaluateQuizExpression("4 * rounds * size", v), 98304);
    EXPECT_EQ(evaluateQuizExpression("-(2 - 5) + 7 % 4", v), 6);
    EXPECT_EQ(evaluateQuizExpression("ceil_div(1024, 1000)", v), 2);
    EXPECT_EQ(evaluateQuizExpression("ceil_div(1024, 64)", v), 16);
    EXPECT_EQ(evaluateQuizExpression("min(rounds, 2) + max(rounds, 2)", v), 5);
    EXPECT_EQ(evaluateQuizExpression("2 - (k == 1)", v), 1);
    EXPECT_EQ(evaluateQuizExpression("rounds >= 3 && !(size < 4096) || 0", v), 1);
    EXPECT_EQ(evaluateQuizExpression("rounds != 3", v), 0);
}

TEST(QuizExpression, MistakesAreSyntaxErrorsAndBadValuesAreNot) {
    const QuizVariables v = {{"n", 0}};
    const auto syntax = [&](const char* text) {
        try {
            evaluateQuizExpression(text, v);
        } catch (const QuizExpressionError& error) {
            return error.syntax();
        }
        return false;
    };
    EXPECT_TRUE(syntax("4 * m"));
    EXPECT_TRUE(syntax("4 * (n"));
    EXPECT_TRUE(syntax("sqrt(n)"));
    EXPECT_TRUE(syntax("4 $ 2"));
    EXPECT_FALSE(syntax("4 / n")) << "division by zero is the values' fault, not the text's";
    EXPECT_THROW(evaluateQuizExpression("4 / n", v), QuizExpressionError);
    EXPECT_THROW(evaluateQuizExpression("9223372036854775807 + 1", v), QuizExpressionError);
}

TEST(QuizExpression, TemplatesFillValuesAndBytes) {
    const QuizVariables v = {{"rounds", 3}, {"size", 8192}};
    EXPECT_EQ(fillQuizTemplate("{rounds} requests of {size|bytes}, {4 * rounds} crossings", v),
              "3 requests of 8 KiB, 12 crossings");
    EXPECT_EQ(fillQuizTemplate("a struct {{ int x; }}", v), "a struct { int x; }");
    EXPECT_THROW(fillQuizTemplate("{rounds", v), QuizExpressionError);
    EXPECT_THROW(fillQuizTemplate("{size|hex}", v), QuizExpressionError);
}

TEST(QuizGenerator, SameSeedSameQuestionsAndKeys) {
    for (std::uint64_t seed : {0ULL, 1ULL, 42ULL, 123456789ULL}) {
        const GeneratedQuiz a = generateQuiz(predictThenRun(), seed);
        const GeneratedQuiz b = generateQuiz(predictThenRun(), seed);
        ASSERT_EQ(a.questions.size(), b.questions.size());
        for (std::size_t i = 0; i < a.questions.size(); ++i) {
            EXPECT_EQ(fingerprint(a.questions[i]), fingerprint(b.questions[i])) << "seed " << seed;
        }
    }
}

TEST(QuizGenerator, DifferentSeedsDrawDifferentNumbers) {
    std::set<std::string> prompts;
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        prompts.insert(questionNamed(generateQuiz(predictThenRun(), seed), "pipe-round-trips").prompt);
    }
    EXPECT_GE(prompts.size(), 5u) << "20 seeds should give several different pipe questions";
}

TEST(QuizGenerator, KeyFollowsTheDrawnNumbers) {
    for (std::uint64_t seed = 0; seed < 30; ++seed) {
        const GeneratedQuiz generated = generateQuiz(predictThenRun(), seed);
        const Question& q = questionNamed(generated, "pipe-round-trips");
        ASSERT_TRUE(q.run.has_value());
        const double rounds = std::stod(q.run->params.at("round_trips"));
        const double size = std::stod(q.run->params.at("size"));
        ASSERT_EQ(q.blanks.size(), 3u);
        EXPECT_EQ(q.blanks[0].value, 4 * rounds) << "4R crossings";
        EXPECT_EQ(q.blanks[1].value, 4 * rounds) << "4R copies";
        EXPECT_EQ(q.blanks[2].value, 4 * rounds * size) << "4RS bytes";
        EXPECT_NE(q.prompt.find(std::to_string(static_cast<int>(rounds)) + " requests"), std::string::npos) << q.prompt;
    }
}

TEST(QuizGenerator, CounterValuesKeyMatchesTheLesson) {
    for (std::uint64_t seed = 0; seed < 40; ++seed) {
        const GeneratedQuiz generated = generateQuiz(predictThenRun(), seed);
        const Question& q = questionNamed(generated, "counter-values");
        // The prompt starts "{n} processes ... {k} times": read n and k back from the drawn text.
        const int n = std::stoi(q.prompt);
        const int k = std::stoi(q.prompt.substr(q.prompt.find("adds 1 to it ") + 13));
        const int lowest = k == 1 ? 1 : 2;
        for (const Choice& choice : q.choices) {
            const int value = std::stoi(choice.text);
            const bool possible = value >= lowest && value <= n * k;
            const bool keyed =
                std::find(q.correctChoices.begin(), q.correctChoices.end(), choice.id) != q.correctChoices.end();
            EXPECT_EQ(keyed, possible) << "n=" << n << " k=" << k << " value " << value;
        }
    }
}

TEST(QuizGenerator, OrderingIsShuffledButKeyedByEvent) {
    const QuizCatalog catalog = [] {
        QuizCatalog c;
        c.addDirectory(std::string(IPCLAB_TEST_SCENARIO_DIR) + "/quizzes");
        return c;
    }();
    const Quiz* quiz = catalog.find("message-passing");
    ASSERT_NE(quiz, nullptr);
    for (std::uint64_t seed = 0; seed < 10; ++seed) {
        const GeneratedQuiz generated = generateQuiz(*quiz, seed);
        const Question& q = questionNamed(generated, "request-response-timeline");
        ASSERT_EQ(q.events.size(), 4u);
        EXPECT_EQ(q.correctOrder, (std::vector<std::string>{"e1", "e2", "e3", "e4"}));
        bool inOrder = true;
        for (std::size_t i = 0; i < q.events.size(); ++i) {
            inOrder = inOrder && q.events[i].id == q.correctOrder[i];
        }
        EXPECT_FALSE(inOrder) << "shown in the right order, the question answers itself (seed " << seed << ")";
    }
}

TEST(QuizGenerator, ParseSeed) {
    EXPECT_EQ(parseSeed("0"), 0u);
    EXPECT_EQ(parseSeed("42"), 42u);
    EXPECT_EQ(parseSeed("18446744073709551615"), 18446744073709551615ULL);
    for (const char* bad : {"", "-1", "abc", "12x", "18446744073709551616", " 4"}) {
        try {
            parseSeed(bad);
            ADD_FAILURE() << "accepted seed \"" << bad << "\"";
        } catch (const Error& error) {
            EXPECT_EQ(error.kind(), ErrorKind::BadUsage);
            EXPECT_NE(std::string(error.what()).find("--seed"), std::string::npos);
        }
    }
}

TEST(QuizGenerator, GeneratedSingleChoiceWithNoRightAnswerIsReported) {
    const std::string text = "id = \"demo\"\ntitle = \"D\"\nsection = 4\nsummary = \"S\"\n[[questions]]\n"
                             "id = \"q\"\nkind = \"single-choice\"\nsection = 4\nprompt = \"{n}?\"\n"
                             "explanation = \"§4\"\n[questions.variables]\nn = { min = 1, max = 1 }\n"
                             "[[questions.choices]]\ntext = \"{n}\"\ncorrect_if = \"n > 1\"\n"
                             "[[questions.choices]]\ntext = \"{n + 1}\"\n";
    const Quiz quiz = parseQuiz(text, "demo.toml");
    try {
        generateQuiz(quiz, 5);
        ADD_FAILURE() << "generated a question without a right answer";
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::BadScenario);
        EXPECT_NE(std::string(error.what()).find("question 'q' with seed 5"), std::string::npos) << error.what();
    }
}

} // namespace
} // namespace ipclab
