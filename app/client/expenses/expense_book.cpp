#include "expense_book.h"

#include "api_client.h"
#include "api_reply.h"
#include "local_store.h"
#include "problem.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>
#include <QUrlQuery>

namespace keel::expenses {

using sales::idText;

namespace {
QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

qint64 idNumber(const QJsonValue &v)
{
    return v.isString() ? v.toString().toLongLong() : v.toInteger();
}

QJsonValue idOrNull(qint64 id)
{
    return id ? QJsonValue(QString::number(id)) : QJsonValue(QJsonValue::Null);
}

// A local row in the API's shape, so one list shows local and server expenses alike.
QJsonObject toJson(const offline::Expense &e)
{
    QJsonObject j = e.serverJson;
    j.insert("id", uuidText(e.id));
    j.insert("category_id", idOrNull(e.categoryId));
    j.insert("category_name", e.categoryName);
    j.insert("project_id", idOrNull(e.projectId));
    j.insert("task_id", idOrNull(e.taskId));
    j.insert("expense_date", e.expenseDate.toString(Qt::ISODate));
    j.insert("description", e.description);
    j.insert("amount", QJsonObject{{"amount", e.amount}, {"currency", e.currency}});
    if (e.billable)
        j.insert("billable", *e.billable);
    j.insert("justification", e.justification);
    j.insert("status", e.status);
    j.insert("policy_breach",
             e.policyBreach.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.policyBreach));
    j.insert("version", e.version);
    bool receiptsPending = false;
    QJsonArray receipts;
    for (const offline::Receipt &r : e.receipts) {
        receipts.append(QJsonObject{{"id", uuidText(r.id)},
                                    {"file_name", r.fileName},
                                    {"mime_type", r.mimeType},
                                    {"size_bytes", r.sizeBytes}});
        receiptsPending = receiptsPending || !r.uploaded;
    }
    j.insert("receipts", receipts);
    j.insert("sync_pending", e.dirty || receiptsPending);
    if (e.syncState != offline::SyncState::Synced)
        j.insert("sync_message", e.syncMessage);
    return j;
}
} // namespace

ExpenseBook::ExpenseBook(ApiClient *api, offline::LocalStore *store, QObject *parent)
    : QObject(parent), m_api(api), m_store(store)
{
    if (m_store)
        connect(m_store, &offline::LocalStore::changed, this, [this] {
            if (m_store)
                reload();
        });
}

ExpenseBook::~ExpenseBook() = default;

// ------------------------------------------------------------------ reference data

void ExpenseBook::loadReference()
{
    loadLocalReference(); // at once, then the server's fresher copy if it answers
    if (!m_api)
        return;
    ApiReply *c = m_api->get(QStringLiteral("/api/v1/expenses/categories"));
    connect(c, &ApiReply::finished, this, [this, c] {
        if (!c->ok())
            return;
        const QJsonObject o = c->object();
        setCategories(o.value("items").toArray(), o.value("currency").toString());
        if (m_store)
            m_store->setValue(QStringLiteral("expense_currency"), m_currency);
        emit referenceLoaded();
    });
    ApiReply *r = m_api->get(QStringLiteral("/api/v1/sync/reference"));
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok())
            return;
        m_projects = r->object().value("projects").toArray();
        m_tasks = r->object().value("tasks").toArray();
        emit referenceLoaded();
    });
}

void ExpenseBook::loadLocalReference()
{
    if (!m_store)
        return;
    QJsonArray cats = m_store->categories();
    if (cats.isEmpty())
        cats = m_store->reference().value("expense_categories").toArray();
    setCategories(cats, m_store->value(QStringLiteral("expense_currency")));
    m_projects = m_store->projects();
    m_tasks = m_store->tasks();
    emit referenceLoaded();
}

void ExpenseBook::setCategories(const QJsonArray &items, const QString &currency)
{
    if (!currency.isEmpty())
        m_currency = currency;
    QList<CategoryPolicy> list;
    for (const QJsonValue &v : items)
        if (v.toObject().value("active").toBool(true))
            list.append(CategoryPolicy::fromJson(v.toObject(), m_currency));
    if (!list.isEmpty() || m_categories.isEmpty())
        m_categories = list;
}

std::optional<CategoryPolicy> ExpenseBook::category(const QString &id) const
{
    for (const CategoryPolicy &c : m_categories)
        if (c.id == id)
            return c;
    return std::nullopt;
}

QJsonArray ExpenseBook::tasks(const QString &projectId) const
{
    QJsonArray out;
    for (const QJsonValue &t : m_tasks)
        if (idText(t.toObject().value("project_id")) == projectId)
            out.append(t);
    return out;
}

// ------------------------------------------------------------------ expenses

void ExpenseBook::reload()
{
    if (m_store) {
        m_expenses.clear();
        for (const offline::Expense &e : m_store->expenses())
            m_expenses.append(toJson(e));
        emit expensesChanged();
        return;
    }
    if (!m_api)
        return;
    const int generation = ++m_generation;
    // A year back: drafts and reports of the last months stay in sight.
    const QDate today = QDate::currentDate();
    ApiReply *r = m_api->get(QStringLiteral("/api/v1/expenses?from=%1&to=%2")
                                 .arg(today.addYears(-1).toString(Qt::ISODate),
                                      today.addMonths(2).toString(Qt::ISODate)));
    connect(r, &ApiReply::finished, this, [this, r, generation] {
        if (generation != m_generation)
            return;
        if (!r->ok()) {
            emit saveFailed(humanMessage(r->problem()));
            return;
        }
        m_expenses.clear();
        for (const QJsonValue &v : r->object().value("items").toArray())
            if (v.toObject().value("status").toString() != QLatin1String("deleted"))
                m_expenses.append(v.toObject());
        std::sort(
            m_expenses.begin(), m_expenses.end(), [](const QJsonObject &a, const QJsonObject &b) {
                return a.value("expense_date").toString() > b.value("expense_date").toString();
            });
        emit expensesChanged();
    });
}

std::optional<QJsonObject> ExpenseBook::expense(const QString &id) const
{
    for (const QJsonObject &e : m_expenses)
        if (idText(e.value("id")) == id)
            return e;
    return std::nullopt;
}

Money ExpenseBook::sameDayTotal(const QString &categoryId, QDate date,
                                const QString &exceptId) const
{
    const auto currency = Currency::fromCode(m_currency);
    if (!currency.ok())
        return {};
    Money total = Money::zero(currency.value());
    const QString day = date.toString(Qt::ISODate);
    for (const QJsonObject &e : m_expenses) {
        if (idText(e.value("id")) == exceptId || idText(e.value("category_id")) != categoryId ||
            e.value("expense_date").toString() != day)
            continue;
        // The server's conversion when it has one; a local one in another currency is left to
        // the server's check.
        Money m = sales::moneyFromJsonValue(e.value("functional_amount"));
        if (!m.isValid() || !(m.currency() == currency.value()))
            m = sales::moneyFromJsonValue(e.value("amount"));
        if (m.isValid() && m.currency() == currency.value())
            total = total.add(m).valueOr(total);
    }
    return total;
}

// The receipt is taken by value: saving reloads the list, and the form that owned it resets.
void ExpenseBook::save(const QUuid &id, const QJsonObject &fields, int version,
                       std::optional<ReceiptFile> receipt)
{
    if (m_store) {
        saveLocally(id, fields, receipt);
        return;
    }
    if (!m_api)
        return;
    QJsonObject body = fields;
    if (version > 0)
        body.insert("version", version);
    ApiReply *r = m_api->send("PUT", QStringLiteral("/api/v1/expenses/") + uuidText(id), body);
    connect(r, &ApiReply::finished, this, [this, r, id, receipt] {
        if (!r->ok()) {
            emit saveFailed(humanMessage(r->problem()));
            return;
        }
        if (receipt) {
            uploadReceipt(uuidText(id), *receipt);
            return;
        }
        emit saved(uuidText(id), false);
        reload();
    });
}

void ExpenseBook::saveLocally(const QUuid &id, const QJsonObject &fields,
                              std::optional<ReceiptFile> receipt)
{
    offline::Expense e;
    if (const auto existing = m_store->expense(id))
        e = *existing;
    e.id = id;
    e.expenseDate = QDate::fromString(fields.value("expense_date").toString(), Qt::ISODate);
    e.categoryId = idNumber(fields.value("category_id"));
    if (const auto c = category(idText(fields.value("category_id"))))
        e.categoryName = c->name;
    e.projectId = idNumber(fields.value("project_id"));
    e.taskId = idNumber(fields.value("task_id"));
    e.description = fields.value("description").toString();
    const QJsonObject amount = fields.value("amount").toObject();
    e.amount = amount.value("amount").toString();
    e.currency = amount.value("currency").toString();
    if (fields.value("billable").isBool())
        e.billable = fields.value("billable").toBool();
    else
        e.billable.reset();
    e.justification = fields.value("justification").toString();
    if (!m_store->saveExpense(e)) {
        emit saveFailed(m_store->errorString());
        return;
    }
    if (receipt &&
        !m_store->attachReceipt(e.id, receipt->fileName, receipt->mimeType, receipt->content)) {
        emit saveFailed(m_store->errorString());
        return;
    }
    reload();
    emit saved(uuidText(e.id), true);
    emit syncRequested();
}

// ApiClient speaks JSON only; a receipt is a raw body with its own content type.
void ExpenseBook::uploadReceipt(const QString &expenseId, const ReceiptFile &receipt)
{
    if (!m_nam)
        m_nam = new QNetworkAccessManager(this);
    QUrl url(m_api->baseUrl().toString(QUrl::StripTrailingSlash) +
             QStringLiteral("/api/v1/expenses/") + expenseId + QStringLiteral("/receipts/") +
             uuidText(QUuid::createUuid()));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("file_name"),
                   QString::fromLatin1(QUrl::toPercentEncoding(receipt.fileName)));
    url.setQuery(q);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, receipt.mimeType.toLatin1());
    request.setRawHeader("Authorization", "Bearer " + m_api->accessToken().toUtf8());
    request.setRawHeader("Accept", "application/json, application/problem+json");
    QNetworkReply *reply = m_nam->put(request, receipt.content);
    connect(reply, &QNetworkReply::finished, this, [this, reply, expenseId] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 200 && status < 300) {
            emit saved(expenseId, false);
            reload();
            return;
        }
        Problem p = Problem::fromJson(QJsonDocument::fromJson(reply->readAll()).object());
        p.status = status;
        const QString why = status == 0 ? reply->errorString() : humanMessage(p);
        emit saveFailed(tr("The expense was saved, but its receipt was not: %1").arg(why));
        reload();
    });
}

void ExpenseBook::submitReport(const QString &title, const QStringList &expenseIds)
{
    if (expenseIds.isEmpty()) {
        emit submitFailed(tr("Tick the draft expenses to put in the report."));
        return;
    }
    int pending = 0;
    for (const QString &id : expenseIds)
        if (const auto e = expense(id);
            e && (e->value("sync_pending").toBool() || e->value("version").toInt() == 0))
            ++pending;
    if (pending > 0) {
        emit submitFailed(tr("%n of the ticked expenses are not on the server yet. They are sent "
                             "with the next sync; submit the report once they are.",
                             nullptr, pending));
        emit syncRequested();
        return;
    }
    if (!m_api)
        return;
    QJsonArray ids;
    for (const QString &id : expenseIds)
        ids.append(id);
    ApiReply *r = m_api->post(QStringLiteral("/api/v1/expense-reports"),
                              QJsonObject{{"title", title}, {"expense_ids", ids}});
    connect(r, &ApiReply::finished, this, [this, r, expenseIds] {
        if (!r->ok()) {
            emit submitFailed(humanMessage(r->problem()));
            return;
        }
        emit reportSubmitted(r->object());
        if (!m_store) {
            reload();
            return;
        }
        // The local copies take the server's new status now rather than at the next pull.
        for (const QString &id : expenseIds) {
            ApiReply *g = m_api->get(QStringLiteral("/api/v1/expenses/") + id);
            connect(g, &ApiReply::finished, this, [this, g] {
                if (g->ok() && m_store)
                    m_store->mergeServerExpense(g->object());
            });
        }
        emit syncRequested();
    });
}

} // namespace keel::expenses
