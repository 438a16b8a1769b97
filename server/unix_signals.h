#pragma once

#include <QObject>

namespace keel {

// Turns SIGTERM and SIGINT into a Qt signal on the main thread (self-pipe), so shutdown runs
// in the event loop rather than inside a signal handler.
class UnixSignals : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignals(QObject *parent = nullptr);

Q_SIGNALS:
    void terminate();
};

} // namespace keel
