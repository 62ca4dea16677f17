#pragma once

#include "quiz/question.h"

#include <ostream>

namespace ipclab::cli {

/// Prints a question as a terminal shows it: "[§16, 4 points]", the prompt, then the lettered
/// choices or events, the numbered pages (address, frame, region) or the labelled blanks, and a
/// line saying how to answer.
void printQuestion(std::ostream& out, const Question& question, std::size_t number, std::size_t count);

/// The key in the form a student would type it ("c", "b d a c", "msgsnd; msgrcv; ...") followed
/// by the key in words.
std::string typedKey(const Question& question);

} // namespace ipclab::cli
