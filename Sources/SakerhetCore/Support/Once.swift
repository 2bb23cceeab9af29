/// A value made on first use and kept, under a lock of its own. `make` runs under the lock
/// and on every core (`Parallel.array`, whose caller does the work when no other thread
/// comes), so it must not ask for the same value: a worker waiting on this lock for its
/// own caller would wait for ever (the data set's builders read only records). Each
/// `Once` has its lock: a slow `make` holds up only those that ask for the same value.
final class Once<T: Sendable>: @unchecked Sendable {
    private let lock = Platform.Lock()
    private var value: T?

    func get(_ make: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        if let made = value { return made }
        let made = make()
        value = made
        return made
    }

    /// The value if it is made, without making it.
    var made: T? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    /// Changes the value in place (nil when it is not made yet).
    func update(_ change: (inout T?) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(&value)
    }
}
