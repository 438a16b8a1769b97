#pragma once

#include <QDate>
#include <QJsonObject>
#include <QStyledItemDelegate>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTextDocument;

namespace keel {
class Session;
}

namespace keel::sales {

class QuoteLinesModel;

// Commits every keystroke to the model, so the quote's totals follow the typing.
class LiveEditDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

// The quote editor: lines (role × hours × rate, fixed items), discount, live totals and margin
// (keel::Money/Decimal through QuoteLinesModel), the approvals the server says the quote will
// need (approval-preview) before it is submitted, Submit / Accept / Revise by state, and a PDF
// export rendered on this machine.
class QuoteEditor : public QWidget
{
    Q_OBJECT
public:
    explicit QuoteEditor(Session *session, QWidget *parent = nullptr);

    QuoteLinesModel *lines() const { return m_lines; }
    QJsonObject quote() const { return m_quote; }
    // A new draft for an opportunity (currency from it), or an existing quote.
    void newQuote(const QJsonObject &opportunity);
    void openQuote(const QString &quoteId);
    void setQuote(const QJsonObject &quote);

    QString approvalText() const;
    bool exportPdf(const QString &fileName);
    QTextDocument *buildDocument() const; // caller owns
    // POST /quotes/{id}/contract for an accepted quote (asks for the dates without arguments).
    void createContract();
    void createContract(QDate start, QDate end);

signals:
    void quoteChanged(const QJsonObject &quote);
    void contractRequested(const QJsonObject &contract);

private:
    void updateTotals();
    void updateActions();
    void save(std::function<void()> then = {});
    void preview();
    void transition(const QString &action);
    void showError(const QString &text);
    QJsonObject body() const;

    Session *m_session;
    QuoteLinesModel *m_lines;
    QJsonObject m_quote;
    QJsonObject m_opportunity;
    bool m_dirty = false;
    QLabel *m_title;
    QLabel *m_status;
    QLineEdit *m_discount;
    QTableView *m_table;
    QLabel *m_subtotal;
    QLabel *m_discountAmount;
    QLabel *m_total;
    QLabel *m_cost;
    QLabel *m_margin;
    QLabel *m_marginPct;
    QLabel *m_inputError;
    QLabel *m_approval;
    QLabel *m_error;
    QPushButton *m_addRole;
    QPushButton *m_addFixed;
    QPushButton *m_remove;
    QPushButton *m_save;
    QPushButton *m_submit;
    QPushButton *m_accept;
    QPushButton *m_revise;
    QPushButton *m_contract;
    QPushButton *m_pdf;
};

} // namespace keel::sales
