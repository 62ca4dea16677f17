#pragma once

#include "quiz/quiz.h"
#include "quiz/quiz_field_reader.h"

namespace ipclab {

/// Reads and validates one [[questions]] table: the common fields, the fields of its kind (and
/// no field of another kind), its variables, run check and templates. Internal to the loader.
QuestionSpec readQuestion(QuizFieldReader& reader);

} // namespace ipclab
