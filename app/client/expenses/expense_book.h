#pragma once

#include "expense_policy_check.h"
#include "local_store.h"
#include "receipt_file.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUuid>

#include <optional>

class QNetworkAccessManager;

namespace keel {
class ApiClient;
}

namespace keel::expenses {

// The signed-in person's expenses and what the form needs (categories with their policy,
// projects and tasks). With a LocalStore, expenses and receipts are saved there at once and
// sync later (offline capture); without one they are saved on the server straight away
// (PUT /api/v1/expenses/{uuid}, then the receipt). Reports are always submitted online.
//
// Expenses are handed out in the API's JSON shape either way, plus "sync_pending" (bool) and
// "sync_message" for local rows not yet on the server.
class ExpenseBook : public QObject
{
    Q_OBJECT
public:
    ExpenseBook(ApiClient *api, offline::LocalStore *store = nullptr, QObject *parent = nullptr);
    ~ExpenseBook() override;

    bool savesLocally() const { return m_store != nullptr; }

    // Categories (GET /expenses/categories, else the local reference data) and the projects
    // and tasks the person may book on (GET /sync/reference, else local).
    void loadReference();
    const QList<CategoryPolicy> &categories() const { return m_categories; }
    std::optional<CategoryPolicy> category(const QString &id) const;
    QString functionalCurrency() const { return m_currency; }
    QJsonArray projects() const { return m_projects; }
    QJsonArray tasks(const QString &projectId) const;

    void reload();
    const QList<QJsonObject> &expenses() const { return m_expenses; }
    std::optional<QJsonObject> expense(const QString &id) const;
    // The person's other expenses of `categoryId` on `date` in the functional currency (per-day
    // caps), leaving out `exceptId`.
    Money sameDayTotal(const QString &categoryId, QDate date, const QString &exceptId) const;

    // Saves a new (version 0) or changed draft; `fields` as in PUT /expenses/{uuid}. A receipt,
    // when given, is kept with it. saved() or saveFailed().
    void save(const QUuid &id, const QJsonObject &fields, int version,
              std::optional<ReceiptFile> receipt = std::nullopt);
    // POST /api/v1/expense-reports {title, expense_ids}: reportSubmitted() or submitFailed().
    // Refused locally when an expense is not on the server yet.
    void submitReport(const QString &title, const QStringList &expenseIds);

signals:
    void referenceLoaded();
    void expensesChanged();
    void saved(const QString &id, bool locally);
    void saveFailed(const QString &message);
    void reportSubmitted(const QJsonObject &report);
    void submitFailed(const QString &message);
    // Local changes wait for the sync engine: asks whoever owns it to sync now.
    void syncRequested();

private:
    void loadLocalReference();
    void setCategories(const QJsonArray &items, const QString &currency);
    void saveLocally(const QUuid &id, const QJsonObject &fields,
                     std::optional<ReceiptFile> receipt);
    void uploadReceipt(const QString &expenseId, const ReceiptFile &receipt);

    QPointer<ApiClient> m_api;
    QPointer<offline::LocalStore> m_store;
    QNetworkAccessManager *m_nam = nullptr;
    QList<CategoryPolicy> m_categories;
    QString m_currency;
    QJsonArray m_projects;
    QJsonArray m_tasks;
    QList<QJsonObject> m_expenses;
    int m_generation = 0;
};

} // namespace keel::expenses
