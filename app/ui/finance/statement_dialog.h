#pragma once

#include <QDialog>

class QDateEdit;
class QLabel;
class QTableView;

namespace keel {
class ApiClient;
}
namespace keel::delivery {
class JsonArrayModel;
}

namespace keel::finance {

// A client's statement for a period: opening balance, each invoice, credit note and receipt
// with the running balance, the closing balance and the aging of what is still open.
class StatementDialog : public QDialog
{
    Q_OBJECT
public:
    StatementDialog(ApiClient *api, const QString &entityId, const QString &clientId,
                    const QString &clientName, QWidget *parent = nullptr);
    delivery::JsonArrayModel *lines() const { return m_lines; }
    QString summaryText() const;
    void load();

signals:
    void loaded();

private:
    ApiClient *m_api;
    QString m_entity;
    QString m_client;
    delivery::JsonArrayModel *m_lines;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLabel *m_opening;
    QLabel *m_summary;
    QTableView *m_view;
};

} // namespace keel::finance
