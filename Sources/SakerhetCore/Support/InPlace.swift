/// Reading the elements of an array of large records without copying them.
///
/// `for x in array` and `array[i]` hand out a copy of the element: for a record of a dozen
/// strings and arrays that is a dozen reference counts up and down for each one looked at,
/// even when only its deadline is asked. Through the array's buffer the element is lent in
/// place instead. Used where a command walks 100,000 records to pick a few (`RecordList`).
extension Array {
    /// `body(element, index)` for every element in order, the element read in place.
    @inline(__always)
    func forEachInPlace(_ body: (Element, Int) throws -> Void) rethrows {
        try withUnsafeBufferPointer { b in
            for i in b.indices { try body(b[i], i) }
        }
    }
}
