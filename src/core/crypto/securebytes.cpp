#include "securebytes.h"

#include <openssl/crypto.h>

namespace triad::crypto {

namespace {

// A deep copy, so two SecureBytes never share one buffer: wiping one must not
// leave the other holding freed-but-unwiped memory, nor wipe the other's key.
QByteArray deepCopy(const QByteArray &bytes)
{
    return QByteArray(bytes.constData(), bytes.size());
}

} // namespace

SecureBytes::SecureBytes(QByteArray bytes)
    : m_bytes(std::move(bytes))
{}

SecureBytes::SecureBytes(const SecureBytes &other)
    : m_bytes(deepCopy(other.m_bytes))
{}

SecureBytes &SecureBytes::operator=(const SecureBytes &other)
{
    if (this != &other) {
        wipe();
        m_bytes = deepCopy(other.m_bytes);
    }
    return *this;
}

SecureBytes::SecureBytes(SecureBytes &&other) noexcept
    : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes.clear();
}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        wipe();
        m_bytes = std::move(other.m_bytes);
        other.m_bytes.clear();
    }
    return *this;
}

SecureBytes::~SecureBytes()
{
    wipe();
}

void SecureBytes::wipe()
{
    // Only cleanse a buffer we own alone: calling data() on a shared buffer would
    // detach, i.e. make (and wipe) a fresh copy while the shared one stays intact.
    // A shared buffer is still referenced by whoever handed it to us; they wipe it.
    if (!m_bytes.isEmpty() && m_bytes.isDetached())
        OPENSSL_cleanse(m_bytes.data(), size_t(m_bytes.size()));
    m_bytes.clear();
}

} // namespace triad::crypto
