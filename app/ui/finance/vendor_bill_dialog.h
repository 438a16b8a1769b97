#pragma once

#include "vendor_bill.h"

#include <QDialog>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <vector>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace keel {
class ApiClient;
}

namespace keel::finance {

// Enters a vendor's bill (POST /vendor-bills) or edits a draft (PATCH with its version): the
// vendor, an optional subcontract agreement (its rate and project fill the lines, its cap is
// checked by the server), the vendor's reference, bill and due date (the vendor's terms unless
// typed) and lines: subcontractor work as project, task, hours × rate, or other costs (rent,
// software) as an amount without a project. Amounts and the total follow the typing exactly as
// the server computes them. "Save draft" keeps it editable; "Save and submit" sends it for
// approval.
class VendorBillDialog : public QDialog
{
    Q_OBJECT
public:
    // A new bill of the entity `entityCode`, or the draft `billId` of it.
    VendorBillDialog(ApiClient *api, const QString &entityCode, const QString &billId = {},
                     QWidget *parent = nullptr);

    bool isReady() const { return m_vendorsLoaded && m_projectsLoaded && m_billLoaded; }
    QComboBox *vendorBox() const { return m_vendor; }
    QComboBox *agreementBox() const { return m_agreement; }
    QLineEdit *referenceEdit() const { return m_reference; }
    QDateEdit *billDateEdit() const { return m_billDate; }
    QDateEdit *dueDateEdit() const { return m_dueDate; }

    // The line's row; its fields below (nullptr where the kind has none).
    int addWorkLine();
    int addCostLine();
    void removeLine(int row);
    int lineCount() const { return int(m_lines.size()); }
    QComboBox *projectBox(int row) const { return m_lines.at(row).project; }
    QComboBox *taskBox(int row) const { return m_lines.at(row).task; }
    QLineEdit *descriptionEdit(int row) const { return m_lines.at(row).description; }
    QLineEdit *hoursEdit(int row) const { return m_lines.at(row).hours; }
    QLineEdit *rateEdit(int row) const { return m_lines.at(row).rate; }
    QLineEdit *amountEdit(int row) const { return m_lines.at(row).amount; }
    QString lineAmountText(int row) const;
    QString totalText() const;
    QString currency() const;
    QString messageText() const;

    QList<BillLine> lines() const;
    QJsonObject body() const; // POST body (new) or PATCH body (draft, with its version)
    // Sends it; false (with the reason shown) when the form is not complete.
    bool saveDraft();
    bool saveAndSubmit();

signals:
    void ready();
    void tasksLoaded(const QString &projectId);
    // The bill as stored: a draft, or submitted.
    void saved(const QJsonObject &bill);

private:
    struct Line
    {
        BillLine::Kind kind;
        QWidget *row = nullptr;
        QComboBox *project = nullptr;
        QComboBox *task = nullptr;
        QLineEdit *description = nullptr;
        QLineEdit *hours = nullptr;
        QLineEdit *rate = nullptr;
        QLineEdit *amount = nullptr;
        QLabel *amountLabel = nullptr;
    };
    int addLine(BillLine::Kind kind);
    void fillLine(int row, const BillLine &line);
    void fillTasks(int row, const QString &selectTask = {});
    void loadTasks(const QString &projectId);
    void loadVendors();
    void loadProjects(const QString &after);
    void loadAgreements();
    void loadBill();
    void checkReady();
    void vendorChosen();
    void agreementChosen();
    void setDueFromTerms();
    QJsonObject currentAgreement() const;
    QJsonObject currentVendor() const;
    void updateTotals();
    QString incomplete() const; // what is missing, in words; empty when complete
    bool send(bool submit);
    void submitSaved(const QJsonObject &bill);
    void showMessage(const QString &text, bool error);

    ApiClient *m_api;
    QString m_entity;
    QString m_billId;
    int m_version = 0;
    QJsonArray m_vendors;
    QJsonArray m_agreements;
    QJsonArray m_projects; // of the entity, not closed
    QHash<QString, QJsonArray> m_tasks;
    QStringList m_tasksAsked;
    QJsonObject m_pendingBill; // the draft to show once vendors and projects are in
    std::vector<Line> m_lines;

    QComboBox *m_vendor;
    QComboBox *m_agreement;
    QLabel *m_agreementInfo;
    QLineEdit *m_reference;
    QDateEdit *m_billDate;
    QDateEdit *m_dueDate;
    QLabel *m_currency;
    QVBoxLayout *m_lineRows;
    QLabel *m_total;
    QLabel *m_message;
    QPushButton *m_save;
    QPushButton *m_submit;
    bool m_vendorsLoaded = false;
    bool m_projectsLoaded = false;
    bool m_billLoaded = true;
    bool m_dueTyped = false;
    bool m_settingDue = false;
    bool m_sending = false;
};

} // namespace keel::finance
