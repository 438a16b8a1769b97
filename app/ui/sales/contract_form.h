#pragma once

#include <QJsonObject>
#include <QWidget>

class QDateEdit;
class QLabel;
class QPushButton;
class QTableWidget;

namespace keel {
class Session;
}

namespace keel::sales {

// A contract (statement of work): header, its billing lines with the fields of each billing
// model (T&M cap, fixed-fee schedule, milestones, retainer, subscription), and Sign. After
// signing it shows the project the handover created.
class ContractForm : public QWidget
{
    Q_OBJECT
public:
    explicit ContractForm(Session *session, QWidget *parent = nullptr);

    void setContract(const QJsonObject &contract);
    void openContract(const QString &id);
    QJsonObject contract() const { return m_contract; }
    QString projectText() const;

    static QString billingModelName(const QString &model);
    // The model-specific terms of a line, for people: "cap EUR 50,000.00", "3 milestones" …
    static QString lineTerms(const QJsonObject &line);

signals:
    void signedContract(const QJsonObject &contract);
    void projectFound(const QJsonObject &project);

private:
    void sign();
    void findProject();

    Session *m_session;
    QJsonObject m_contract;
    QLabel *m_title;
    QLabel *m_status;
    QLabel *m_header;
    QTableWidget *m_lines;
    QDateEdit *m_signatureDate;
    QPushButton *m_sign;
    QLabel *m_project;
    QLabel *m_error;
};

} // namespace keel::sales
