#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;
class QTimer;

namespace keel {
class Session;
namespace insights {
class InvoiceFlagsFetch;
}
} // namespace keel

namespace keel::billing {

class ClientDirectory;
class InvoiceDetailPane;
class InvoiceListModel;

// The invoices grid: a billing run's drafts or the entity's invoices by status, client and
// search, loaded page by page as it scrolls; the picked invoice beside it. Tick invoices
// (or select rows and press Space) and approve or issue them at once: each one's outcome shows
// in its row.
class InvoicesPanel : public QWidget
{
    Q_OBJECT
public:
    InvoicesPanel(Session *session, ClientDirectory *directory, QWidget *parent = nullptr);

    void setLegalEntity(const QString &id);
    // Shows one run's invoices (any status); empty = back to the filters.
    void showRun(const QString &runId);
    QString runFilter() const { return m_runId; }
    // "draft" (default), "approved", "issued", … or empty for all.
    void setStatusFilter(const QString &status);
    void setClientFilter(const QString &accountId);
    // "invoice", "credit_note" or empty for both; credit notes (always settled) show under any
    // status, so choosing them sets the status filter to "Any status".
    void setKindFilter(const QString &kind);
    void setSearch(const QString &text);
    void reload();

    InvoiceListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    InvoiceDetailPane *detailPane() const { return m_detail; }

    void approveTicked();
    void issueTicked();
    void toggleSelectedRows();
    QString message() const;
    QString summaryText() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilters();
    void fitColumns();
    void updateSummary();
    void fillClients();
    void showMessage(const QString &text, bool error);
    void bulk(const QString &action);

    Session *m_session;
    ClientDirectory *m_directory;
    InvoiceListModel *m_model;
    insights::InvoiceFlagsFetch *m_flags = nullptr;
    QString m_entity;
    QString m_runId;
    QLabel *m_statusLabel = nullptr;
    QComboBox *m_status;
    QComboBox *m_kind;
    QComboBox *m_client;
    QLineEdit *m_search;
    QTimer *m_searchDelay;
    QLabel *m_runChip;
    QPushButton *m_clearRun;
    QTableView *m_view;
    InvoiceDetailPane *m_detail;
    QSplitter *m_split;
    QLabel *m_summary;
    QLabel *m_message;
    QLabel *m_empty;
    QPushButton *m_tickAll;
    QPushButton *m_approve;
    QPushButton *m_issue;
};

} // namespace keel::billing
