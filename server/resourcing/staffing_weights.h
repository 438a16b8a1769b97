#pragma once

// Staffing suggestions: the weights of the score, in one place. Each factor has a value from 0
// to 1 (computed in SQL numeric, 4 places); its points are weight × value rounded to 2 places,
// and a candidate's score is the sum of the points (so at most the sum of the weights, 100).
//
//   skill        per required skill: level >= minimum → 0.5 + 0.1 × level (4 → 0.9, 5 → 1);
//                below the minimum or missing → 0.1 × level (2 → 0.2, missing → 0); the
//                average over the required skills; 1 when the request requires none.
//   capacity     free hours in the request's range (available − hard − soft bookings) / hours
//                the request needs (hours per week × its working days / 5), at most 1.
//   utilisation  booked hours / available hours in the range against the person's target:
//                (target − booked) / target when below target, else 0 (prefer people below
//                target; nobody available → 0).
//   cost         the person's cost rate at the request's start against the standard cost of
//                the request's job role in the same currency (the request's legal entity
//                first): at or below → 1, above → 1 − (cost − standard) / standard (0 at double);
//                0.5 when either is unknown or the currencies differ.
//   location     no constraint → 1; the request's country → 1 (0.5 when a city is asked and
//                differs); another country → 0.

namespace keel::staffing {

inline constexpr auto kSkillWeight = "35";
inline constexpr auto kCapacityWeight = "30";
inline constexpr auto kUtilisationWeight = "15";
inline constexpr auto kCostWeight = "10";
inline constexpr auto kLocationWeight = "10";

inline constexpr int kDefaultCandidates = 10;
inline constexpr int kMaxCandidates = 100;

} // namespace keel::staffing
