#pragma once

#include "insights_answers.h"

#include <QString>

#include <optional>

namespace keel::insights {

// The words of the insights: the client phrases every factor, evidence and flag from its
// stable code and numbers (translated, context "keel::insights::Text"); the server's English
// `text` is only the fallback for a code this client does not know yet.

// "0.6312" -> "63 %" (one decimal below 10 %); empty for empty text.
QString probabilityText(const QString &ratio);
// A reason's number: a four-place fraction as percent, others as a localised decimal.
QString reasonNumberText(const QString &value);
// Money from its exact decimal text: "EUR 1,234.50" (never through a double).
QString insightsMoneyText(const QString &amount, const QString &currency);
// "2026-12-07" -> localised short date; "2026-12" -> "Dec 2026".
QString insightsDateText(const QString &isoDate);
QString insightsMonthText(const QString &yearMonth);

QString reasonTitle(const QString &code);
// An opportunity stage's code in words ("PROPOSE" -> "Proposal"); unknown codes as they are.
QString stageText(const QString &code);
// English has no catalogue: "%n invoice(s)" reads "9 invoices" / "1 invoice" there. A German
// translation has its own plural forms and no "(s)" left, so this leaves it alone.
QString pluralText(QString text, int n);
// One sentence for a reason: an opportunity factor ("Phase „Angebot“ raises the chance to
// win (+0.42)"), a project's evidence or an invoice's flag with what it was compared with.
QString reasonSentence(const InsightsReason &reason);
// "contract" -> "the contract's history" …
QString basisText(const QString &basis);
QString severityText(const QString &severity);

QString modelTitle(const QString &name);
QString figureTitle(const QString &figure);
// The target for a backtest figure ("≥ 0.75"); empty when the figure has none.
QString figureTargetText(const QString &figure);
// Whether `value` meets the figure's target; nullopt for a figure without one or no value.
std::optional<bool> figureMeetsTarget(const QString &figure, const QString &value);
// The figure's value as shown: ratios as fractions, MAPE in percent, days with "days".
QString figureValueText(const QString &figure, const QString &value);

QString trainingStatusText(const QString &status);

} // namespace keel::insights
