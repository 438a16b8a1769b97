#pragma once

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QTableView;

namespace keel {
class ApiClient;
}
namespace keel::delivery {
class JsonArrayModel;
}

namespace keel::finance {

// Collection notes of one invoice (calls, promises to pay) and a new one, which may promise a
// date and raise the dunning level (0 none … 3 final notice).
class CollectionNoteDialog : public QDialog
{
    Q_OBJECT
public:
    CollectionNoteDialog(ApiClient *api, const QJsonObject &invoice, QWidget *parent = nullptr);

    QPlainTextEdit *noteEdit() const { return m_note; }
    QComboBox *levelBox() const { return m_level; }
    delivery::JsonArrayModel *notes() const { return m_notes; }
    void save();

signals:
    void saved();

private:
    void loadNotes();

    ApiClient *m_api;
    QString m_invoice;
    delivery::JsonArrayModel *m_notes;
    QPlainTextEdit *m_note;
    QCheckBox *m_promised;
    QDateEdit *m_promisedDate;
    QComboBox *m_level;
    QLabel *m_message;
};

} // namespace keel::finance
