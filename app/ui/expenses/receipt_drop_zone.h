#pragma once

#include "receipt_file.h"

#include <QFrame>

#include <optional>

class QLabel;
class QPushButton;

namespace keel::expenses {

// Where a receipt goes: drop a JPEG, PNG or PDF (at most 10 MiB) on it, or choose one. Anything
// else is refused with a sentence saying why; the last accepted file stays until cleared.
class ReceiptDropZone : public QFrame
{
    Q_OBJECT
public:
    explicit ReceiptDropZone(QWidget *parent = nullptr);

    const std::optional<ReceiptFile> &receipt() const { return m_receipt; }
    // A receipt the expense already has on the server or locally (name only).
    void setExisting(const QString &fileName);
    void clear();
    // What dropping or choosing `path` does (tests use it too): true when accepted.
    bool offerFile(const QString &path);
    QString errorText() const;

signals:
    void receiptChanged();
    void refused(const QString &message);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void setHighlighted(bool on);
    void updateText();

    QLabel *m_text;
    QLabel *m_error;
    QPushButton *m_choose;
    QPushButton *m_clear;
    std::optional<ReceiptFile> m_receipt;
    QString m_existing;
};

} // namespace keel::expenses
