#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace keel {
class Session;
namespace offline {
class LocalStore;
}
} // namespace keel

namespace keel::expenses {

class ExpenseBook;
class ExpenseForm;
class ExpenseListModel;

// "My expenses": the list (tick drafts, "Submit report…") beside the form. With a LocalStore
// expenses are saved locally and synced later; without one they are saved on the server.
class ExpensesPage : public QWidget
{
    Q_OBJECT
public:
    ExpensesPage(Session *session, offline::LocalStore *store = nullptr, QWidget *parent = nullptr);

    ExpenseBook *book() const { return m_book; }
    ExpenseListModel *model() const { return m_model; }
    ExpenseForm *form() const { return m_form; }
    QTableView *view() const { return m_view; }
    void reload();

    // Submits the ticked drafts as one report (the button asks for the title). Refused here
    // when a breach has no justification; the server checks again.
    void submitReport(const QString &title);
    QString message() const;

signals:
    void syncRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showMessage(const QString &text, bool error);
    void updateButtons();

    ExpenseBook *m_book;
    ExpenseListModel *m_model;
    ExpenseForm *m_form;
    QTableView *m_view;
    QLabel *m_message;
    QLabel *m_empty;
    QPushButton *m_new;
    QPushButton *m_submit;
    bool m_loadedOnce = false;
};

} // namespace keel::expenses
