// How the verdicts write dates and numbers for readers: in a text's own
// style (a suggestion replaces the date it corrects) or for people (an
// explanation).
#ifndef FACTCHECK_ENGINE_VERDICTS_DATE_WORDING_H_
#define FACTCHECK_ENGINE_VERDICTS_DATE_WORDING_H_

#include <string>

#include "engine/time/date.h"
#include "engine/time/temporal_tagger.h"

namespace factcheck {

// Writes `date` the way `style` writes dates, at the granularity of `date`
// or of the style, whichever is coarser: (2022-02-24, kMonthYear) gives
// "February 2022"; (2022-02-24, kDayMonth) gives "24 February".
std::string FormatDateLike(const PartialDate& date, DateStyle style);

// Writes `date` for people: "24 February 2022", "February 2022", "2022".
std::string FormatDateForPeople(const PartialDate& date);

// "on 24 February 2022", "in February 2022", "in 2022".
std::string OnOrIn(const PartialDate& date);

// "1st", "2nd", "3rd", "11th", "21st".
std::string OrdinalWord(int n);

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_VERDICTS_DATE_WORDING_H_
