/// A regular file opened for reading pieces of it at given offsets, without reading the
/// rest: git's pack files (`GitObjects`), where one object is wanted out of thousands.
final class RandomAccessFile {
    let size: Int
    private let fd: Platform.FD

    /// Nil when `path` is not a regular file that can be opened for reading.
    init?(path: String) {
        guard let info = Platform.fileInfo(path), info.kind == .regular, let fd = Platform.openRead(path) else { return nil }
        guard let opened = Platform.fileInfo(fd), opened.kind == .regular else {
            Platform.close(fd)
            return nil
        }
        self.fd = fd
        size = opened.size
    }

    deinit { Platform.close(fd) }

    /// The `count` bytes at `offset`; nil when they are not all in the file or cannot be read.
    func bytes(at offset: Int, count: Int) -> [UInt8]? {
        guard offset >= 0, count >= 0, offset <= size, count <= size - offset else { return nil }
        if count == 0 { return [] }
        var complete = false
        let out = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialised in
            let done = Platform.readFully(fd, buffer.baseAddress!, count, offset: offset)
            initialised = done
            complete = done == count
        }
        return complete ? out : nil
    }
}
