#include "expense_report_inbox.h"

#include "api_client.h"
#include "api_reply.h"
#include "json_array_model.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QJsonArray>
#include <QStringList>

namespace keel::expenses {

using sales::ListColumn;

namespace {
const QList<ListColumn> &columns()
{
    using F = ListColumn::Format;
    static const QList<ListColumn> c{
        {"employee_name", QT_TRANSLATE_NOOP("keel::expenses::Columns", "Employee"), F::Text, {}},
        {"title", QT_TRANSLATE_NOOP("keel::expenses::Columns", "Report"), F::Text, {}},
        {"total", QT_TRANSLATE_NOOP("keel::expenses::Columns", "Total"), F::Money, {}},
        {"next_step", QT_TRANSLATE_NOOP("keel::expenses::Columns", "Step"), F::Text, {}}};
    return c;
}
} // namespace

ExpenseReportInbox::ExpenseReportInbox(ApiClient *api, QObject *parent)
    : QObject(parent), m_api(api),
      m_model(new delivery::JsonArrayModel(columns(), "keel::expenses::Columns", this))
{}

void ExpenseReportInbox::reload()
{
    if (!m_api)
        return;
    ApiReply *r = m_api->get(QStringLiteral("/api/v1/expense-reports?scope=to_approve"));
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok()) {
            emit loadFailed(humanMessage(r->problem()));
            return;
        }
        m_model->setItems(r->object().value("items").toArray());
        emit loaded();
    });
}

void ExpenseReportInbox::loadDetail(const QString &reportId)
{
    if (!m_api || reportId.isEmpty())
        return;
    ApiReply *r = m_api->get(QStringLiteral("/api/v1/expense-reports/") + reportId);
    connect(r, &ApiReply::finished, this, [this, r] {
        if (r->ok())
            emit detailLoaded(r->object());
    });
}

void ExpenseReportInbox::decide(const QString &reportId, bool approve, const QString &comment)
{
    const int row = m_model->rowOf(reportId);
    if (!m_api || row < 0)
        return;
    if (!approve && comment.trimmed().isEmpty()) {
        emit decisionFailed(tr("Say why you reject the report; the employee sees your comment."));
        return;
    }
    const QJsonObject body{{"decision", approve ? "approve" : "reject"},
                           {"comment", comment.trimmed()},
                           {"version", m_model->rowObject(row).value("version").toInt()}};
    ApiReply *r =
        m_api->post(QStringLiteral("/api/v1/expense-reports/") + reportId + "/decide", body);
    connect(r, &ApiReply::finished, this, [this, r, reportId, approve] {
        if (r->ok()) {
            emit decided(reportId, approve);
            reload();
            return;
        }
        QString text = humanMessage(r->problem());
        if (r->status() == 409 || r->status() == 412)
            text = tr("Nothing was decided: someone else decided or changed this report "
                      "meanwhile. The list was reloaded.");
        emit decisionFailed(text);
        reload();
    });
}

QString ExpenseReportInbox::detailText(const QJsonObject &report)
{
    QStringList lines;
    for (const QJsonValue &v : report.value("expenses").toArray()) {
        const QJsonObject e = v.toObject();
        QString line =
            tr("%1 · %2 · %3 · %4")
                .arg(sales::formatDateText(e.value("expense_date").toString()),
                     e.value("category_name").toString(), e.value("description").toString(),
                     sales::formatMoneyJson(e.value("amount")));
        const int receipts = int(e.value("receipts").toArray().size());
        line += receipts > 0 ? tr(" · receipt") : tr(" · no receipt");
        if (!e.value("policy_breach").toString().isEmpty())
            line += QStringLiteral("\n    ⚠ ") + e.value("policy_breach").toString() +
                    QStringLiteral("\n    ") +
                    tr("Justification: %1").arg(e.value("justification").toString());
        lines.append(line);
    }
    return lines.join(u'\n');
}

} // namespace keel::expenses
