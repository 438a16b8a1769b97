#include "insights_text.h"

#include "metric_format.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>

namespace keel::insights {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("keel::insights::Text", text);
}

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
            return tr(title);
    return {};
}

QString basisText(const QString &basis)
{
    if (basis == QLatin1String("contract"))
        return tr("this contract's invoices");
    if (basis == QLatin1String("client"))
        return tr("this client's invoices");
    if (basis == QLatin1String("rate_card"))
        return tr("the rate card");
    if (basis == QLatin1String("project"))
        return tr("the project");
    return basis;
}

QString reasonSentence(const InsightsReason &r)
{
    const QString value = reasonNumberText(r.value);
    const QString &c = r.code;
    // Opportunity factors: what it is, and which way it pushes the chance to win.
    if (!r.effect.isEmpty()) {
        const QString title = reasonTitle(c);
        if (title.isEmpty())
            return r.text.isEmpty() ? r.label : r.text;
        const QString what = r.label.isEmpty() ? value : r.label;
        const QString subject = what.isEmpty() ? title : title + QStringLiteral(" (") + what + u')';
        const bool raises = !r.effect.startsWith(u'-');
        return (raises ? tr("%1 raises the chance to win (%2).")
                       : tr("%1 lowers the chance to win (%2)."))
            .arg(subject, r.effect);
    }
    // Invoice flags compared with a history (median of n invoices) or a rate card.
    if (c == QLatin1String("amount_outlier") || c == QLatin1String("hours_outlier") ||
        c == QLatin1String("rate_outlier") || c == QLatin1String("line_count")) {
        const QString what = reasonTitle(c);
        if (r.n > 0)
            return QCoreApplication::translate(
                       "keel::insights::Text",
                       "%1: %2 against a median of %3 over %n invoice(s) of %4.", nullptr, r.n)
                .arg(what, value, reasonNumberText(r.comparedWith), basisText(r.basis));
        return tr("%1: %2 against %3 (%4).")
            .arg(what, value, reasonNumberText(r.comparedWith), basisText(r.basis));
    }
    if (c == QLatin1String("duplicate_line"))
        return tr("The same line appears twice on this draft.");
    if (c == QLatin1String("after_project_closed"))
        return r.value.isEmpty()
                   ? tr("Time is billed after the project was closed.")
                   : tr("Time is billed after the project was closed (%1).")
                         .arg(r.value.contains(u'-') ? insightsDateText(r.value) : value);
    if (c == QLatin1String("rate_card_mismatch"))
        return tr("Rate %1 differs from the rate card's %2.")
            .arg(value, reasonNumberText(r.comparedWith));
    // A project's evidence: the figure and what it was compared with.
    if (c == QLatin1String("burn_ahead"))
        return r.comparedWith.isEmpty()
                   ? tr("Budget spent runs ahead of progress (%1 spent).").arg(value)
                   : tr("Budget spent runs ahead of progress: %1 spent, %2 complete.")
                         .arg(value, reasonNumberText(r.comparedWith));
    if (c == QLatin1String("milestones_slipping"))
        return r.comparedWith.isEmpty() ? tr("Milestones are slipping (%1).").arg(value)
                                        : tr("Milestones are slipping: %1 against %2.")
                                              .arg(value, reasonNumberText(r.comparedWith));
    if (c == QLatin1String("change_requests_pending"))
        return r.comparedWith.isEmpty() ? tr("Change requests are pending (%1).").arg(value)
                                        : tr("Change requests are pending: %1 against %2.")
                                              .arg(value, reasonNumberText(r.comparedWith));
    if (c == QLatin1String("rate_mix"))
        return r.comparedWith.isEmpty()
                   ? tr("The rate mix is worse than planned (%1).").arg(value)
                   : tr("The rate mix is worse than planned: %1 against %2 planned.")
                         .arg(value, reasonNumberText(r.comparedWith));
    if (c == QLatin1String("unbilled_growing"))
        return r.comparedWith.isEmpty() ? tr("Unbilled work is growing (%1).").arg(value)
                                        : tr("Unbilled work is growing: %1 against %2.")
                                              .arg(value, reasonNumberText(r.comparedWith));
    // Collections and anything newer: a known title with its number, else the server's words.
    const QString title = reasonTitle(c);
    if (!title.isEmpty() && !r.value.isEmpty() && r.text.isEmpty())
        return tr("%1: %2.").arg(title, value);
    if (!r.text.isEmpty())
        return r.text;
    return title.isEmpty() ? c : title;
}

QString severityText(const QString &severity)
{
    if (severity == QLatin1String("high"))
        return tr("High");
    if (severity == QLatin1String("medium"))
        return tr("Medium");
    return severity;
}

QString modelTitle(const QString &name)
{
    if (name == QLatin1String("opportunity_score"))
        return tr("Opportunity scoring");
    if (name == QLatin1String("margin_risk"))
        return tr("Margin risk");
    if (name == QLatin1String("invoice_anomaly"))
        return tr("Invoice anomalies");
    if (name == QLatin1String("collections"))
        return tr("Collections");
    if (name == QLatin1String("executive_forecast"))
        return tr("Revenue forecast");
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
            return tr(title);
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
        return tr("%1 days").arg(QLocale().toString(d, 'f', 1));
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
                              ? tr("%1 days").arg(QLocale().toString(t->bound, 'f', 0))
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
        return tr("Waiting for a server");
    if (status == QLatin1String("running"))
        return tr("Training");
    if (status == QLatin1String("completed"))
        return tr("Trained");
    if (status == QLatin1String("failed"))
        return tr("Training failed");
    return status;
}

} // namespace keel::insights
