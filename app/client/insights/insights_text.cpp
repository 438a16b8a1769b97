#include "insights_text.h"

#include "metric_format.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>

namespace keel::insights {

namespace {

int decimalsOf(const QString &value)
{
    const qsizetype dot = value.indexOf(u'.');
    return dot < 0 ? 0 : int(value.size() - dot - 1);
}

struct Target
{
    const char *figure;
    bool atLeast;
    double bound;
};
// The measured targets (issue 9, "Measured").
constexpr Target Targets[] = {
    {"score_auc", true, 0.75},
    {"score_calibration_err", false, 0.08},
    {"anomaly_recall", true, 0.9},
    {"anomaly_precision", true, 0.8},
    {"collections_mae_days", false, 10},
    {"forecast_mape_3m", false, 10},
    {"margin_risk_early_recall", true, 0.8},
};
const Target *targetOf(const QString &figure)
{
    for (const Target &t : Targets)
        if (figure == QLatin1String(t.figure))
            return &t;
    return nullptr;
}
} // namespace

QString probabilityText(const QString &ratio)
{
    if (ratio.isEmpty())
        return {};
    bool ok = false;
    const double p = ratio.toDouble(&ok) * 100.0;
    if (!ok)
        return ratio;
    return QLocale().toString(p, 'f', p < 10.0 && p > 0.0 ? 1 : 0) + QStringLiteral(" %");
}

QString reasonNumberText(const QString &value)
{
    bool ok = false;
    const double d = value.toDouble(&ok);
    if (!ok)
        return value;
    if (decimalsOf(value) == 4 && std::abs(d) <= 10.0)
        return probabilityText(value);
    return QLocale().toString(d, 'f', std::min(decimalsOf(value), 2));
}

QString insightsMoneyText(const QString &amount, const QString &currency)
{
    return dashboards::formatMetricValue(amount, QStringLiteral("money"), currency);
}

QString insightsDateText(const QString &isoDate)
{
    const QDate d = QDate::fromString(isoDate.left(10), Qt::ISODate);
    return d.isValid() ? QLocale().toString(d, QLocale::ShortFormat) : isoDate;
}

QString insightsMonthText(const QString &yearMonth)
{
    const QDate d = QDate::fromString(yearMonth.left(7) + QStringLiteral("-01"), Qt::ISODate);
    return d.isValid() ? QLocale().toString(d, QStringLiteral("MMM yyyy")) : yearMonth;
}

QString reasonTitle(const QString &code)
{
    static const QList<std::pair<const char *, const char *>> titles{
        // Opportunity scoring.
        {"stage", QT_TRANSLATE_NOOP("keel::insights::Text", "Stage")},
        {"age_in_stage", QT_TRANSLATE_NOOP("keel::insights::Text", "Time in stage")},
        {"days_in_stage", QT_TRANSLATE_NOOP("keel::insights::Text", "Time in stage")},
        {"value_band", QT_TRANSLATE_NOOP("keel::insights::Text", "Deal size")},
        {"client_win_rate", QT_TRANSLATE_NOOP("keel::insights::Text", "Client's past win rate")},
        {"account_win_rate", QT_TRANSLATE_NOOP("keel::insights::Text", "Client's past win rate")},
        {"service_line", QT_TRANSLATE_NOOP("keel::insights::Text", "Service line")},
        {"discount", QT_TRANSLATE_NOOP("keel::insights::Text", "Discount")},
        {"capacity", QT_TRANSLATE_NOOP("keel::insights::Text", "Capacity in the start window")},
        {"intercept", QT_TRANSLATE_NOOP("keel::insights::Text", "Firm's base rate")},
        // Margin risk.
        {"burn_ahead", QT_TRANSLATE_NOOP("keel::insights::Text", "Burn ahead of progress")},
        {"milestones_slipping", QT_TRANSLATE_NOOP("keel::insights::Text", "Milestones slipping")},
        {"change_requests_pending",
         QT_TRANSLATE_NOOP("keel::insights::Text", "Change requests pending")},
        {"rate_mix", QT_TRANSLATE_NOOP("keel::insights::Text", "Rate mix worse than planned")},
        {"unbilled_growing", QT_TRANSLATE_NOOP("keel::insights::Text", "Unbilled work growing")},
        // Invoice anomalies.
        {"amount_outlier", QT_TRANSLATE_NOOP("keel::insights::Text", "Unusual amount")},
        {"hours_outlier", QT_TRANSLATE_NOOP("keel::insights::Text", "Unusual hours")},
        {"rate_outlier", QT_TRANSLATE_NOOP("keel::insights::Text", "Unusual rate")},
        {"line_count", QT_TRANSLATE_NOOP("keel::insights::Text", "Unusual number of lines")},
        {"duplicate_line", QT_TRANSLATE_NOOP("keel::insights::Text", "Duplicate line")},
        {"after_project_closed",
         QT_TRANSLATE_NOOP("keel::insights::Text", "Time after the project closed")},
        {"rate_card_mismatch",
         QT_TRANSLATE_NOOP("keel::insights::Text", "Rate differs from the rate card")},
        // Collections.
        {"client_history", QT_TRANSLATE_NOOP("keel::insights::Text", "Client's payment history")},
        {"account_history", QT_TRANSLATE_NOOP("keel::insights::Text", "Client's payment history")},
        {"amount", QT_TRANSLATE_NOOP("keel::insights::Text", "Invoice amount")},
        {"overdue", QT_TRANSLATE_NOOP("keel::insights::Text", "Already overdue")},
    };
    for (const auto &[c, title] : titles)
        if (code == QLatin1String(c))
            return QCoreApplication::translate("keel::insights::Text", title);
    return {};
}

QString stageText(const QString &code)
{
    static const QList<std::pair<const char *, const char *>> stages{
        {"DISCOVER", QT_TRANSLATE_NOOP("keel::insights::Text", "Discovery")},
        {"QUALIFY", QT_TRANSLATE_NOOP("keel::insights::Text", "Qualification")},
        {"PROPOSE", QT_TRANSLATE_NOOP("keel::insights::Text", "Proposal")},
        {"NEGOTIATE", QT_TRANSLATE_NOOP("keel::insights::Text", "Negotiation")},
        {"WON", QT_TRANSLATE_NOOP("keel::insights::Text", "Won")},
        {"LOST", QT_TRANSLATE_NOOP("keel::insights::Text", "Lost")},
    };
    for (const auto &[c, text] : stages)
        if (code == QLatin1String(c))
            return QCoreApplication::translate("keel::insights::Text", text);
    return code;
}

QString pluralText(QString text, int n)
{
    return text.replace(QStringLiteral("(s)"), n == 1 ? QString() : QStringLiteral("s"));
}

QString basisText(const QString &basis)
{
    if (basis == QLatin1String("contract"))
        return QCoreApplication::translate("keel::insights::Text", "this contract");
    if (basis == QLatin1String("client"))
        return QCoreApplication::translate("keel::insights::Text", "this client");
    if (basis == QLatin1String("firm"))
        return QCoreApplication::translate("keel::insights::Text", "the firm");
    if (basis == QLatin1String("rate_card"))
        return QCoreApplication::translate("keel::insights::Text", "the rate card");
    if (basis == QLatin1String("project"))
        return QCoreApplication::translate("keel::insights::Text", "the project");
    return basis;
}

namespace {
QString member(const QJsonObject &o, const char *key)
{
    return jsonText(o.value(QLatin1String(key)));
}
QString days(const QString &value)
{
    bool ok = false;
    const double d = value.toDouble(&ok);
    return ok ? QLocale().toString(d, 'f', std::abs(d - std::round(d)) < 0.05 ? 0 : 1) : value;
}

// An opportunity factor: what the deal has, before which way it pushes.
QString factorPhrase(const InsightsReason &r)
{
    const QString &c = r.code;
    const QString v = r.value;
    if (c == QLatin1String("stage"))
        return QCoreApplication::translate("keel::insights::Text",
                                           "Stage %1 (the firm wins %2 overall)")
            .arg(stageText(v), probabilityText(r.comparedWith));
    if (c == QLatin1String("age_in_stage"))
        return QCoreApplication::translate(
                   "keel::insights::Text",
                   "%1 days in this stage, where deals stayed %2 days on average")
            .arg(days(v), days(r.comparedWith));
    if (c == QLatin1String("value_band"))
        return QCoreApplication::translate("keel::insights::Text",
                                           "Deal size in the firm's quarter %1 by value")
            .arg(v);
    if (c == QLatin1String("client_history"))
        return QCoreApplication::translate("keel::insights::Text",
                                           "The client won %1 of its earlier deals (the firm %2)")
            .arg(probabilityText(v), probabilityText(r.comparedWith));
    if (c == QLatin1String("service_line"))
        return v.isEmpty()
                   ? QCoreApplication::translate("keel::insights::Text", "No service line recorded")
                   : QCoreApplication::translate("keel::insights::Text", "Service line %1").arg(v);
    if (c == QLatin1String("discount"))
        return v.toDouble() == 0
                   ? QCoreApplication::translate("keel::insights::Text", "No discount quoted")
                   : QCoreApplication::translate("keel::insights::Text", "A discount of %1 %")
                         .arg(reasonNumberText(v));
    if (c == QLatin1String("capacity"))
        return QCoreApplication::translate(
                   "keel::insights::Text",
                   "The most needed role would take %1 of its free hours in the start window "
                   "(typically %2)")
            .arg(probabilityText(v), probabilityText(r.comparedWith));
    return {};
}
} // namespace

QString reasonSentence(const InsightsReason &r)
{
    const QString value = reasonNumberText(r.value);
    const QString &c = r.code;
    const QJsonObject &cw = r.comparedObject;
    // Opportunity factors: what it is, and which way it pushes the chance to win.
    if (!r.effect.isEmpty()) {
        const QString phrase = factorPhrase(r);
        if (phrase.isEmpty())
            return r.text.isEmpty() ? r.label : r.text;
        const bool raises = !r.effect.startsWith(u'-');
        const QString effect = QLocale().toString(r.effect.toDouble(), 'f', 2);
        return (raises ? QCoreApplication::translate("keel::insights::Text",
                                                     "%1: raises the chance to win (%2).")
                       : QCoreApplication::translate("keel::insights::Text",
                                                     "%1: lowers the chance to win (%2)."))
            .arg(phrase, r.effect.startsWith(u'-') ? effect : u'+' + effect);
    }
    // Invoice flags against a history: the median of n invoices or lines of a basis.
    if (c == QLatin1String("amount_outlier"))
        return pluralText(QCoreApplication::translate(
                              "keel::insights::Text",
                              "Net amount %1 against a median of %2 over %n invoice(s) of %3.",
                              nullptr, r.n),
                          r.n)
            .arg(value, reasonNumberText(r.comparedWith), basisText(r.basis));
    if (c == QLatin1String("line_count"))
        return pluralText(QCoreApplication::translate(
                              "keel::insights::Text",
                              "%1 lines, where %n invoice(s) of %3 had a median of %2.", nullptr,
                              r.n),
                          r.n)
            .arg(value, reasonNumberText(r.comparedWith), basisText(r.basis));
    if (c == QLatin1String("hours_outlier"))
        return pluralText(QCoreApplication::translate("keel::insights::Text",
                                                      "A line bills %1 h, where %n line(s) of %3 "
                                                      "for this role had a median of %2 h.",
                                                      nullptr, r.n),
                          r.n)
            .arg(value, reasonNumberText(r.comparedWith), basisText(r.basis));
    if (c == QLatin1String("rate_outlier"))
        return pluralText(
                   QCoreApplication::translate(
                       "keel::insights::Text",
                       "A line bills %1 an hour, where %n line(s) of %3 for this role had a median "
                       "rate of %2.",
                       nullptr, r.n),
                   r.n)
            .arg(value, reasonNumberText(r.comparedWith), basisText(r.basis));
    if (c == QLatin1String("duplicate_line")) {
        const QString number = member(cw, "number");
        if (r.basis == QLatin1String("source"))
            return number.isEmpty()
                       ? pluralText(
                             QCoreApplication::translate("keel::insights::Text",
                                                         "%n of the records behind this line are "
                                                         "already billed on another draft or line.",
                                                         nullptr, r.value.toInt()),
                             r.value.toInt())
                       : pluralText(
                             QCoreApplication::translate(
                                 "keel::insights::Text",
                                 "%n of the records behind this line are already billed on %1.",
                                 nullptr, r.value.toInt()),
                             r.value.toInt())
                             .arg(number);
        if (r.basis == QLatin1String("invoice"))
            return QCoreApplication::translate(
                       "keel::insights::Text",
                       "Same description, quantity %1 and price %2 as line %3 of this invoice.")
                .arg(reasonNumberText(member(cw, "hours")), reasonNumberText(member(cw, "rate")),
                     member(cw, "line_no"));
        return QCoreApplication::translate(
                   "keel::insights::Text",
                   "Same description, quantity %1 and price %2 as on invoice %3 of this contract.")
            .arg(reasonNumberText(member(cw, "hours")), reasonNumberText(member(cw, "rate")),
                 number);
    }
    if (c == QLatin1String("after_project_closed"))
        return pluralText(
                   QCoreApplication::translate(
                       "keel::insights::Text",
                       "%n time entries (%1 h) worked up to %2, after the project closed on %3.",
                       nullptr, r.n),
                   r.n)
            .arg(reasonNumberText(member(cw, "hours")), insightsDateText(r.value),
                 insightsDateText(member(cw, "closed_on")));
    if (c == QLatin1String("rate_card_mismatch"))
        return QCoreApplication::translate(
                   "keel::insights::Text",
                   "Billed at %1 an hour; the contract's rate chain gives %2 for this role on %3.")
            .arg(value, reasonNumberText(member(cw, "rate")), insightsDateText(member(cw, "date")));
    // A project's evidence: the figure and what it was compared with.
    if (c == QLatin1String("burn_ahead"))
        return QCoreApplication::translate("keel::insights::Text",
                                           "%1 of the cost budget is spent at %2 of the schedule.")
            .arg(value, reasonNumberText(r.comparedWith));
    if (c == QLatin1String("milestones_slipping"))
        return QCoreApplication::translate("keel::insights::Text",
                                           "%1 of %2 milestones due by now are not accepted.")
            .arg(value, reasonNumberText(r.comparedWith));
    if (c == QLatin1String("change_requests_pending"))
        return pluralText(
                   QCoreApplication::translate("keel::insights::Text",
                                               "%n change request(s) worth %1 await a decision.",
                                               nullptr, r.value.toInt()),
                   r.value.toInt())
            .arg(reasonNumberText(r.comparedWith));
    if (c == QLatin1String("rate_mix"))
        return QCoreApplication::translate(
                   "keel::insights::Text",
                   "An hour costs %1 so far against %2 in the budget: the staffing mix is more "
                   "senior than planned.")
            .arg(value, reasonNumberText(r.comparedWith));
    if (c == QLatin1String("unbilled_growing"))
        return QCoreApplication::translate(
                   "keel::insights::Text",
                   "Approved time not yet invoiced grew from %2 h to %1 h over four weeks.")
            .arg(value, reasonNumberText(r.comparedWith));
    // The executive forecast: what it rests on.
    if (c == QLatin1String("tm_ratio"))
        return QCoreApplication::translate("keel::insights::Text",
                                           "T&M work has been recognised at %1 times what the "
                                           "schedules planned; the run-rate adds the difference.")
            .arg(QLocale().toString(r.value.toDouble(), 'f', 2));
    if (c == QLatin1String("signature_to_start_days"))
        return QCoreApplication::translate("keel::insights::Text",
                                           "Contracts start %1 days after signature (median): a "
                                           "deal's revenue begins that long after its expected "
                                           "close.")
            .arg(days(r.value));
    if (c == QLatin1String("duration_months"))
        return QCoreApplication::translate("keel::insights::Text",
                                           "Won work runs %1 months (the median contract), spread "
                                           "evenly.")
            .arg(days(r.value));
    if (c == QLatin1String("pipeline_realisation"))
        return QCoreApplication::translate("keel::insights::Text",
                                           "Of the weighted pipeline placed three months ahead, "
                                           "%1 arrived as revenue in the latest forecasts; the "
                                           "pipeline counts at that share.")
            .arg(probabilityText(r.value));
    if (c == QLatin1String("probability_source"))
        return r.value == QLatin1String("model")
                   ? QCoreApplication::translate(
                         "keel::insights::Text",
                         "Deals are weighted with the scoring model's probability.")
                   : QCoreApplication::translate("keel::insights::Text",
                                                 "No scoring model yet: deals are weighted with "
                                                 "the rep's probability.");
    if (c == QLatin1String("range")) {
        const QStringList bounds = r.value.split(u' ', Qt::SkipEmptyParts);
        if (bounds.size() == 2) {
            const auto signedPercent = [](const QString &v) {
                const QString p = probabilityText(v);
                return v.startsWith(u'-') ? p : u'+' + p;
            };
            return QCoreApplication::translate("keel::insights::Text",
                                               "In the backtest, recognised revenue came within "
                                               "%1 to %2 of 8 in 10 three-month forecasts.")
                .arg(signedPercent(bounds.at(0)), signedPercent(bounds.at(1)));
        }
    }
    // Collections.
    if (c == QLatin1String("client_history"))
        return r.value.isEmpty()
                   ? QCoreApplication::translate(
                         "keel::insights::Text",
                         "The client has no paid invoice yet: the firm's history stands in (a "
                         "median of %1 days after the due date).")
                         .arg(days(r.comparedWith))
                   : QCoreApplication::translate(
                         "keel::insights::Text",
                         "The client paid a median of %1 days after the due date (the firm: %2).")
                         .arg(days(r.value), days(r.comparedWith));
    if (c == QLatin1String("amount_band"))
        return QCoreApplication::translate(
                   "keel::insights::Text",
                   "Invoices of this size (%1) were paid a median of %2 days after the due date "
                   "(all invoices: %3).")
            .arg(r.value, days(member(r.raw, "band_median")), days(r.comparedWith));
    if (c == QLatin1String("overdue")) {
        const int overdue = r.value.toInt();
        if (overdue > 0)
            return QCoreApplication::translate(
                       "keel::insights::Text",
                       "Already %1 days overdue: invoices still unpaid this late were paid a "
                       "median of %2 days after the due date.")
                .arg(QString::number(overdue), days(r.comparedWith));
        return overdue == 0 ? QCoreApplication::translate("keel::insights::Text", "Due today.")
                            : QCoreApplication::translate("keel::insights::Text",
                                                          "Not due yet: due in %1 days.")
                                  .arg(QString::number(-overdue));
    }
    if (c == QLatin1String("part_paid"))
        return QCoreApplication::translate("keel::insights::Text",
                                           "Part of it is paid; %1 is left.")
            .arg(value);
    if (c == QLatin1String("reminders"))
        return QCoreApplication::translate("keel::insights::Text", "Dunning level %1 reached.")
            .arg(r.value);
    if (c == QLatin1String("beyond_history"))
        return QCoreApplication::translate(
            "keel::insights::Text",
            "No invoice in the history was paid this late: a week from today is assumed.");
    // Anything newer: the server's words.
    if (!r.text.isEmpty())
        return r.text;
    const QString title = reasonTitle(c);
    return title.isEmpty() ? c : title;
}

QString severityText(const QString &severity)
{
    if (severity == QLatin1String("high"))
        return QCoreApplication::translate("keel::insights::Text", "High");
    if (severity == QLatin1String("medium"))
        return QCoreApplication::translate("keel::insights::Text", "Medium");
    return severity;
}

QString modelTitle(const QString &name)
{
    if (name == QLatin1String("opportunity_score"))
        return QCoreApplication::translate("keel::insights::Text", "Opportunity scoring");
    if (name == QLatin1String("margin_risk"))
        return QCoreApplication::translate("keel::insights::Text", "Margin risk");
    if (name == QLatin1String("invoice_anomaly"))
        return QCoreApplication::translate("keel::insights::Text", "Invoice anomalies");
    if (name == QLatin1String("collections"))
        return QCoreApplication::translate("keel::insights::Text", "Collections");
    if (name == QLatin1String("executive_forecast"))
        return QCoreApplication::translate("keel::insights::Text", "Revenue forecast");
    return name;
}

QString figureTitle(const QString &figure)
{
    static const QList<std::pair<const char *, const char *>> titles{
        {"score_auc", QT_TRANSLATE_NOOP("keel::insights::Text", "AUC")},
        {"score_calibration_err", QT_TRANSLATE_NOOP("keel::insights::Text", "Calibration error")},
        {"margin_risk_early_recall",
         QT_TRANSLATE_NOOP("keel::insights::Text", "Overruns flagged before half the budget")},
        {"margin_risk_precision", QT_TRANSLATE_NOOP("keel::insights::Text", "Precision")},
        {"anomaly_recall", QT_TRANSLATE_NOOP("keel::insights::Text", "Recall")},
        {"anomaly_precision", QT_TRANSLATE_NOOP("keel::insights::Text", "Precision")},
        {"collections_mae_days",
         QT_TRANSLATE_NOOP("keel::insights::Text", "Mean error of the payment date")},
        {"collections_late_auc", QT_TRANSLATE_NOOP("keel::insights::Text", "AUC of late payment")},
        {"forecast_mape_3m",
         QT_TRANSLATE_NOOP("keel::insights::Text", "Error 3 months ahead (MAPE)")},
    };
    for (const auto &[f, title] : titles)
        if (figure == QLatin1String(f))
            return QCoreApplication::translate("keel::insights::Text", title);
    return figure;
}

QString figureValueText(const QString &figure, const QString &value)
{
    if (value.isEmpty())
        return QStringLiteral("–");
    bool ok = false;
    const double d = value.toDouble(&ok);
    if (!ok)
        return value;
    if (figure == QLatin1String("forecast_mape_3m"))
        return QLocale().toString(d, 'f', 1) + QStringLiteral(" %");
    if (figure.endsWith(QLatin1String("_days")))
        return QCoreApplication::translate("keel::insights::Text", "%1 days")
            .arg(QLocale().toString(d, 'f', 1));
    return QLocale().toString(d, 'f', 2);
}

QString figureTargetText(const QString &figure)
{
    const Target *t = targetOf(figure);
    if (!t)
        return {};
    const QString bound = figure == QLatin1String("forecast_mape_3m")
                              ? QLocale().toString(t->bound, 'f', 0) + QStringLiteral(" %")
                          : figure.endsWith(QLatin1String("_days"))
                              ? QCoreApplication::translate("keel::insights::Text", "%1 days")
                                    .arg(QLocale().toString(t->bound, 'f', 0))
                              : QLocale().toString(t->bound, 'f', 2);
    return (t->atLeast ? QStringLiteral("≥ ") : QStringLiteral("< ")) + bound;
}

std::optional<bool> figureMeetsTarget(const QString &figure, const QString &value)
{
    const Target *t = targetOf(figure);
    bool ok = false;
    const double d = value.toDouble(&ok);
    if (!t || !ok)
        return std::nullopt;
    return t->atLeast ? d >= t->bound : d < t->bound;
}

QString trainingStatusText(const QString &status)
{
    if (status == QLatin1String("queued"))
        return QCoreApplication::translate("keel::insights::Text", "Waiting for a server");
    if (status == QLatin1String("running"))
        return QCoreApplication::translate("keel::insights::Text", "Training");
    if (status == QLatin1String("completed"))
        return QCoreApplication::translate("keel::insights::Text", "Trained");
    if (status == QLatin1String("failed"))
        return QCoreApplication::translate("keel::insights::Text", "Training failed");
    return status;
}

} // namespace keel::insights
