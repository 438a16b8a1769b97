#include "insights_lists.h"

#include "insights_answers.h"
#include "insights_api.h"
#include "insights_text.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace keel::insights {

namespace {
QString s(const QJsonObject &o, const char *key)
{
    return jsonText(o.value(QLatin1String(key)));
}
QString money(const QJsonObject &o, const char *key)
{
    return insightsMoneyText(s(o, key), s(o, "currency"));
}
constexpr int PageSize = 200;
} // namespace

QString recordKindText(const QString &kind)
{
    if (kind == QLatin1String("contract") || kind == QLatin1String("schedule"))
        return QCoreApplication::translate("keel::insights::Text", "Contract");
    if (kind == QLatin1String("opportunity"))
        return QCoreApplication::translate("keel::insights::Text", "Opportunity");
    if (kind == QLatin1String("project"))
        return QCoreApplication::translate("keel::insights::Text", "Project");
    if (kind == QLatin1String("invoice"))
        return QCoreApplication::translate("keel::insights::Text", "Invoice");
    return kind;
}

InsightsTableModel *makeDealsModel(ApiClient *api, const QString &entity, const QString &owner,
                                   QObject *parent)
{
    auto *m = new InsightsTableModel(
        api,
        {{QT_TRANSLATE_NOOP("keel::insights::Columns", "Deal")},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Client")},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Stage")},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Owner")},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Value"), true},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Rep"), true},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Model"), true},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Weighted (rep)"), true},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Weighted (model)"), true},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Expected close")}},
        [](const QJsonObject &o) {
            return QStringList{s(o, "name"),
                               s(o, "account"),
                               stageText(s(o, "stage")),
                               s(o, "owner"),
                               money(o, "value"),
                               probabilityText(s(o, "rep_probability")),
                               probabilityText(s(o, "model_probability")),
                               money(o, "weighted_rep"),
                               money(o, "weighted_model"),
                               insightsDateText(s(o, "expected_close"))};
        },
        QStringLiteral("opportunity_id"), parent);
    m->setPathFor([entity, owner](const QString &after) {
        return InsightsApi::opportunitiesPath(entity, owner, QStringLiteral("risk"), PageSize,
                                              after);
    });
    m->setHighlight(
        [](const QJsonObject &o) { return o.value(QLatin1String("at_risk")).toBool(); });
    return m;
}

InsightsTableModel *makeProjectRiskModel(ApiClient *api, const QString &entity,
                                         const QString &manager, QObject *parent)
{
    auto *m = new InsightsTableModel(
        api,
        {{QT_TRANSLATE_NOOP("keel::insights::Columns", "Severity")},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Project")},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Client")},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Manager")},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Target margin"), true},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Forecast margin"), true},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Expected margin"), true},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Budget spent"), true},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Complete"), true}},
        [](const QJsonObject &o) {
            const QString code = s(o, "code");
            return QStringList{severityText(s(o, "severity")),
                               code.isEmpty() ? s(o, "name")
                                              : code + QStringLiteral(" · ") + s(o, "name"),
                               s(o, "account"),
                               s(o, "manager"),
                               probabilityText(s(o, "target_margin")),
                               probabilityText(s(o, "forecast_margin")),
                               money(o, "expected_margin"),
                               reasonNumberText(s(o, "budget_spent_pct")),
                               reasonNumberText(s(o, "percent_complete"))};
        },
        QStringLiteral("project_id"), parent);
    m->setPathFor([entity, manager](const QString &) {
        return InsightsApi::marginRiskPath(entity, manager, false);
    });
    m->setHighlight([](const QJsonObject &o) {
        return o.value(QLatin1String("severity")) == QLatin1String("high");
    });
    // Most listed projects are high: only the severity carries the colour.
    m->setProperty("highlightColumn", int(ProjectColumn::Severity));
    return m;
}

InsightsTableModel *makeFlaggedInvoicesModel(ApiClient *api, const QString &entity, QObject *parent)
{
    auto *m = new InsightsTableModel(
        api,
        {{QT_TRANSLATE_NOOP("keel::insights::Columns", "Draft")},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Client")},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Total"), true},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Flags"), true},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "What was found")}},
        [](const QJsonObject &o) {
            const FlaggedInvoice f = FlaggedInvoice::fromJson(o);
            const QString number =
                f.number.isEmpty()
                    ? QCoreApplication::translate("keel::insights::Text", "Draft %1").arg(f.id)
                    : f.number;
            return QStringList{number, f.account, insightsMoneyText(f.total, f.currency),
                               QString::number(f.flags.size()),
                               f.flags.isEmpty() ? QString() : reasonSentence(f.flags.first())};
        },
        QStringLiteral("invoice_id"), parent);
    m->setPathFor(
        [entity](const QString &) { return InsightsApi::invoiceAnomaliesPath(entity, {}, false); });
    return m;
}

InsightsTableModel *makeCollectionsModel(ApiClient *api, const QString &entity, const QString &week,
                                         QObject *parent)
{
    auto *m = new InsightsTableModel(
        api,
        {{QT_TRANSLATE_NOOP("keel::insights::Columns", "Invoice")},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Client")},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Due")},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Open"), true},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Share in the week"), true},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Expected payment")},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Days late"), true},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "P(> 30 days late)"), true}},
        [](const QJsonObject &o) {
            return QStringList{s(o, "number"),
                               s(o, "account"),
                               insightsDateText(s(o, "due_date")),
                               money(o, "open_amount"),
                               o.contains(QLatin1String("week_amount")) ? money(o, "week_amount")
                                                                        : QString(),
                               insightsDateText(s(o, "expected_payment_date")),
                               reasonNumberText(s(o, "expected_days_late")),
                               probabilityText(s(o, "p_late_30"))};
        },
        QStringLiteral("invoice_id"), parent);
    m->setPathFor([entity, week](const QString &after) {
        return InsightsApi::collectionsPath(entity, week, PageSize, after);
    });
    m->setHighlight([](const QJsonObject &o) {
        return jsonText(o.value(QLatin1String("p_late_30"))).toDouble() >= 0.5;
    });
    return m;
}

InsightsTableModel *makeForecastRecordsModel(ApiClient *api, const QString &month,
                                             const QString &part, const QString &entity,
                                             QObject *parent)
{
    auto *m = new InsightsTableModel(
        api,
        {{QT_TRANSLATE_NOOP("keel::insights::Columns", "Kind")},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Name")},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Client")},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Amount"), true},
         {QT_TRANSLATE_NOOP("keel::insights::Columns", "Probability"), true}},
        [](const QJsonObject &o) {
            return QStringList{recordKindText(s(o, "kind")), s(o, "name"), s(o, "account"),
                               money(o, "amount"), probabilityText(s(o, "probability"))};
        },
        QStringLiteral("id"), parent);
    m->setPathFor([month, part, entity](const QString &) {
        return InsightsApi::forecastRecordsPath(month, part, entity);
    });
    return m;
}

} // namespace keel::insights
