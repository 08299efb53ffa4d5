print("samordna")
